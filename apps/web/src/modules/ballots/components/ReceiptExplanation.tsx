import { useTranslation } from 'react-i18next';
import { DateTime } from '../../ui/components/DateTime';

/** What a receipt proves and what it does not, in plain French (it is not end-to-end verifiability). */
export function ReceiptExplanation({ closesAt }: { closesAt?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="receipt-meaning" className="panel">
      <h2 id="receipt-meaning">{t('votes.receipt.meaningHeading')}</h2>
      <p>
        {t('votes.receipt.afterClose')}
        {closesAt ? (
          <>
            {' '}
            {t('votes.receipt.closesOn')} <DateTime iso={closesAt} />.
          </>
        ) : null}
      </p>
      <h3>{t('votes.receipt.provesHeading')}</h3>
      <p>{t('votes.receipt.proves')}</p>
      <h3>{t('votes.receipt.doesNotProveHeading')}</h3>
      <p>{t('votes.receipt.doesNotProve')}</p>
      <p>{t('votes.receipt.keepSecret')}</p>
    </section>
  );
}
