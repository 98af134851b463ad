// Charts of the « Tableau de bord » (decision 0037): Chart.js through react-chartjs-2, coloured with the
// DSFR palette. A chart is never the only way to read a figure: each is a canvas with role="img" and a
// French aria-label, and the page puts its data table beside it (the accessible reading).
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/**
 * DSFR colours (« couleurs illustratives », main tint of each family, and the blue France), in an
 * order where neighbours contrast with each other and with the white background (≥ 3:1 for the
 * darker ones used first).
 */
export const COULEURS_DSFR = {
  bleuFrance: '#000091',
  vertEmeraude: '#00A95F',
  orangeTerreBattue: '#E4794A',
  violetGlycine: '#A558A0',
  bleuEcume: '#465F9D',
  vertArchipel: '#009099',
  rougeMarianne: '#C9191E',
  jauneTournesol: '#C8AA39',
  grisClair: '#929292',
  cafeCreme: '#D1B781',
} as const;
export const SERIE_DSFR: readonly string[] = Object.values(COULEURS_DSFR);

ChartJS.defaults.font.family = 'Marianne, arial, sans-serif';
ChartJS.defaults.color = '#3a3a3a';

export interface Serie {
  libelle: string;
  valeurs: number[];
  couleur: string;
}

/** A bar chart (grouped, or stacked), horizontal when the labels are long (missions, centres). */
export function Histogramme({
  id,
  description,
  categories,
  series,
  empile = false,
  horizontal = false,
  hauteur,
}: {
  id: string;
  /** The French text a screen reader gets for the canvas (the table beside it has the figures). */
  description: string;
  categories: string[];
  series: Serie[];
  empile?: boolean;
  horizontal?: boolean;
  hauteur?: number;
}) {
  const data: ChartData<'bar'> = {
    labels: categories.map((c) => (c.length > 40 ? `${c.slice(0, 39)}…` : c)),
    datasets: series.map((s) => ({ label: s.libelle, data: s.valeurs, backgroundColor: s.couleur, borderColor: s.couleur, borderWidth: 1 })),
  };
  const axeValeurs = { stacked: empile, beginAtZero: true, ticks: { precision: 0 } };
  const axeCategories = { stacked: empile };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    // Live refresh every 15 s: no animation (nothing moves on its own; prefers-reduced-motion honoured).
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 16 } } },
    scales: horizontal ? { x: axeValeurs, y: axeCategories } : { x: axeCategories, y: axeValeurs },
  };
  // Room for the bars, plus the legend under them (one line per series when there are many).
  const legende = series.length > 3 ? series.length * 24 : 48;
  const h = hauteur ?? (horizontal ? Math.min(560, Math.max(140, 40 + categories.length * 26)) + legende : 280);
  return (
    <div className="tableau-de-bord__graphique" style={{ position: 'relative', height: h, width: '100%' }}>
      <Bar id={id} data={data} options={options} role="img" aria-label={description}>
        <p>{description}</p>
      </Bar>
    </div>
  );
}
