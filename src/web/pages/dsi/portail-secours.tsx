// « Portail Jury de secours » (DSI, issue 8 §6, seed 001 plan de secours): its state for the académie
// (open or closed, the RSSI's authorisation reference and name, when and by whom), opening it (the
// reference and the RSSI's name are required) and closing it, and the académie's juries with the login
// of their plan de secours papillon. While it is open, that login and the papillon's password open that
// jury only, at /connexion/jury/secours; every opening, closing and use is audited.
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { estEtatJury, libelleEtatJury } from '../../../domain/cyclades/jury.ts';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details } from '../../liste/ListeOuDetail.tsx';
import { Chargement } from '../../shell/Pages.tsx';
import { BASE_DSI } from './cles-otp.tsx';

const URL = `${BASE_DSI}/portail-secours`;
const CLE = ['dsi', 'portail-secours'] as const;

interface JurySecours {
  numero: string;
  centre: string;
  etat: string | number;
  login: string | null;
}

interface EtatSecours {
  actif: boolean;
  referenceAutorisation: string | null;
  autorisePar: string | null;
  modifieLe: string | null;
  modifiePar: string | null;
  jurys: JurySecours[];
}

const colonnes: Colonne<JurySecours>[] = [
  { id: 'numero', libelle: 'Jury', valeur: (j) => j.numero },
  { id: 'centre', libelle: 'Centre de délibération', valeur: (j) => j.centre, poids: 3 },
  { id: 'etat', libelle: 'État', valeur: (j) => j.etat, texte: (j) => (estEtatJury(j.etat) ? libelleEtatJury(j.etat) : String(j.etat)), poids: 3 },
  { id: 'login', libelle: 'Login de secours', valeur: (j) => j.login, texte: (j) => j.login ?? 'Plan de secours non généré', poids: 2 },
];

function BadgeSecours({ actif }: { actif: boolean }) {
  return <span className={`fr-badge fr-badge--no-icon ${actif ? 'fr-badge--warning' : 'fr-badge--info'}`}>{actif ? 'Ouvert' : 'Fermé'}</span>;
}

export default function PortailSecours() {
  const client = useQueryClient();
  const q = useQuery({ queryKey: CLE, queryFn: () => api.get<EtatSecours>(URL) });
  const [reference, setReference] = useState('');
  const [rssi, setRssi] = useState('');
  const modifier = useAction(
    async (corps: { actif: boolean; referenceAutorisation?: string; autorisePar?: string }) => {
      const r = await api.put<{ message: string }>(URL, corps);
      if (corps.actif) {
        setReference('');
        setRssi('');
      }
      await client.invalidateQueries({ queryKey: CLE });
      return r;
    },
    { succes: (r) => r.message },
  );
  const err = modifier.erreursChamps;
  const ouvrir = (e: FormEvent) => {
    e.preventDefault();
    const champs: Record<string, string> = {};
    if (!reference.trim()) champs.referenceAutorisation = 'Référence de l’autorisation : obligatoire (la référence de l’autorisation écrite du RSSI).';
    if (!rssi.trim()) champs.autorisePar = 'Nom du RSSI : obligatoire (la personne qui a autorisé l’ouverture).';
    if (Object.keys(champs).length) {
      modifier.signalerChamps(champs);
      // The first field in error takes the focus (its message is tied to it).
      requestAnimationFrame(() => document.getElementById(champs.referenceAutorisation ? 'secours-reference' : 'secours-rssi')?.focus());
      return;
    }
    void modifier.executer({ actif: true, referenceAutorisation: reference.trim(), autorisePar: rssi.trim() });
  };

  const d = q.data;
  if (q.isPending) return <Chargement />;
  if (!d) {
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm">
        <p>L’état du portail de secours n’a pas pu être lu.</p>
        <button type="button" className="fr-btn fr-btn--sm fr-mt-1w" onClick={() => void q.refetch()}>
          Réessayer
        </button>
      </div>
    );
  }
  return (
    <>
      <section aria-labelledby="titre-etat-secours" className="fr-mb-4w">
        <h2 className="fr-h5" id="titre-etat-secours">
          État du portail de secours
        </h2>
        <Details
          lignes={[
            ['Portail CYCLADES-JURY de secours', <BadgeSecours actif={d.actif} />],
            ['Référence de l’autorisation du RSSI', d.referenceAutorisation],
            ['Autorisé par (RSSI)', d.autorisePar],
            [d.actif ? 'Ouvert le' : 'Dernière modification le', d.modifieLe ? new Date(d.modifieLe).toLocaleString('fr-FR') : null],
            ['Par', d.modifiePar],
          ]}
        />
        {d.actif ? (
          <>
            <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="secours-ouvert">
              <p>
                Le portail de secours est ouvert : le login et le mot de passe imprimés sur le papillon du plan de secours d’un jury ouvrent ce jury à l’adresse
                /connexion/jury/secours. Fermez-le dès que le portail Jury est rétabli.
              </p>
            </div>
            <button type="button" className="fr-btn fr-btn--secondary fr-icon-lock-line fr-btn--icon-left" onClick={() => void modifier.executer({ actif: false })} disabled={modifier.enCours}>
              Fermer le portail de secours
            </button>
          </>
        ) : (
          <form onSubmit={ouvrir} noValidate aria-labelledby="titre-ouvrir-secours" className="fr-mt-2w">
            <h3 className="fr-h6" id="titre-ouvrir-secours">
              Ouvrir le portail de secours
            </h3>
            <p className="fr-text--sm">
              À n’ouvrir qu’en cas d’indisponibilité du portail Jury, après l’autorisation du responsable de la sécurité des systèmes d’information (RSSI) de l’académie.
              L’ouverture, la fermeture et chaque connexion sont inscrites au journal d’audit.
            </p>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-6">
                <Input
                  label="Référence de l’autorisation du RSSI (obligatoire)"
                  hintText="Par exemple le numéro du courriel ou du ticket d’autorisation."
                  state={err.referenceAutorisation ? 'error' : 'default'}
                  stateRelatedMessage={err.referenceAutorisation}
                  nativeInputProps={{
                    id: 'secours-reference',
                    type: 'text',
                    name: 'referenceAutorisation',
                    maxLength: 100,
                    autoComplete: 'off',
                    'aria-invalid': err.referenceAutorisation ? true : undefined,
                    value: reference,
                    onChange: (e) => setReference(e.target.value),
                  }}
                />
              </div>
              <div className="fr-col-12 fr-col-md-6">
                <Input
                  label="Nom du RSSI (obligatoire)"
                  hintText="La personne qui a autorisé l’ouverture."
                  state={err.autorisePar ? 'error' : 'default'}
                  stateRelatedMessage={err.autorisePar}
                  nativeInputProps={{
                    id: 'secours-rssi',
                    type: 'text',
                    name: 'autorisePar',
                    maxLength: 100,
                    autoComplete: 'off',
                    'aria-invalid': err.autorisePar ? true : undefined,
                    value: rssi,
                    onChange: (e) => setRssi(e.target.value),
                  }}
                />
              </div>
            </div>
            <button type="submit" className="fr-btn fr-icon-lock-unlock-line fr-btn--icon-left" disabled={modifier.enCours}>
              Ouvrir le portail de secours
            </button>
          </form>
        )}
      </section>
      <Liste
        id="jurys-secours"
        titre="Jurys de l’académie et leur login de secours"
        lignes={d.jurys}
        colonnes={colonnes}
        cle={(j) => j.numero}
        triParDefaut={{ colonne: 'numero', sens: 'asc' }}
        chargement={q.isFetching && !d}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun jury de l’académie n’a de login de secours : le chef de centre génère le plan de secours avant la délibération."
      />
    </>
  );
}
