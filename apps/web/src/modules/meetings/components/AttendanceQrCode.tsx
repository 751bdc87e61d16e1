import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The attendance code as a QR code (the `qrcode` library, loaded with the page that needs it):
 * a handheld scanner at the door types it into the organiser's check-in field like a keyboard.
 * Decorative for screen readers beyond its alt text: the code itself is written next to it.
 */
export function AttendanceQrCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 176 }))
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [code]);
  if (!src) return null;
  return (
    <img
      className="attendance-qr"
      src={src}
      width={176}
      height={176}
      alt={t('meetings.qrAlt', { code })}
    />
  );
}
