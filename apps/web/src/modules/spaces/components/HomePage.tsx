import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LatestNews } from '../../news/components/LatestNews';
import { KeyFiguresBlock } from '../../statistics/components/KeyFiguresBlock';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';

/** `/`: what Concerto is, and the three lists. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.documentTitle'));
  const cards = [
    { to: '/concertations', key: 'processes' },
    { to: '/assemblees', key: 'assemblies' },
    { to: '/enquetes', key: 'surveys' },
  ];
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <h2 className="visually-hidden">{t('home.cardsLabel')}</h2>
      <ul className="cards">
        {cards.map((card) => (
          <li key={card.key} className="card">
            <h3 className="card__title">
              <Link to={card.to}>{t(`home.${card.key}.title`)}</Link>
            </h3>
            <p>{t(`home.${card.key}.body`)}</p>
          </li>
        ))}
      </ul>
      <KeyFiguresBlock />
      <LatestNews />
    </section>
  );
}
