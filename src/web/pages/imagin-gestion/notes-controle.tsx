// « Notes de l'épreuve de contrôle » (gestionnaire DEC, issue 7 §2): the juries of the session with
// their missing contrôle grades; a jury's admissible candidates with their two orals, entered one by
// one (a grade /20 or « absent »; at 210, during the deliberation, with a motif listed in the PV); or
// a CSV file « N° candidat;Epreuve;Note » imported all or nothing, its errors listed line by line.
// Missing grades are allowed until the chef de centre's check. Each entry carries the grade the page
// showed (`attendu`): a grade changed meanwhile by someone else is refused (409, naming who, when and
// to what) and the row shows the new grade. Every error is shown on its field (DSFR error state) as
// well as in the console.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { lireNote } from '../../../domain/cyclades/deliberation.ts';
import { api, ErreurApi } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { useActivite } from '../../app/activite.tsx';
import { consoleMessages } from '../../app/console.ts';
import { Liste, type Colonne } from '../../liste/Liste.tsx';
import { Details, ListeOuDetail } from '../../liste/ListeOuDetail.tsx';
import { BadgeEtat, BASE_DEC, CadreDetail, TableauDsfr, centreCourt, Drapeaux, invaliderDeliberation, pluriel, useListeJurys, type CandidatVue, type JuryDec, type OralVue } from './jurys-deliberation.tsx';

const colonnes: Colonne<JuryDec>[] = [
  { id: 'numero', libelle: 'Jury', valeur: (j) => j.numero },
  { id: 'specialite', libelle: 'Spécialité', valeur: (j) => j.specialite.libelle, poids: 3 },
  { id: 'centre', libelle: 'Centre de délibération', valeur: (j) => centreCourt(j), poids: 2 },
  { id: 'etat', libelle: 'Etat d’avancement du jury', valeur: (j) => j.libelleEtat, poids: 3 },
  { id: 'admissibles', libelle: 'Admissibles', valeur: (j) => j.nbAdmissibles, type: 'nombre', alignement: 'droite' },
  { id: 'manquantes', libelle: 'Notes manquantes', valeur: (j) => j.nbNotesControleManquantes, type: 'nombre', alignement: 'droite' },
];

function ImportCsv() {
  const client = useQueryClient();
  const champ = useRef<HTMLInputElement>(null);
  const [erreurs, setErreurs] = useState<string[]>([]);
  const importer = useAction(
    async (fichier: File) => {
      setErreurs([]);
      try {
        const r = await api.post<{ message: string; importees: number }>(`${BASE_DEC}/notes-controle/import`, { contenu: await fichier.text(), nomFichier: fichier.name });
        if (champ.current) champ.current.value = '';
        await invaliderDeliberation(client);
        return r;
      } catch (e) {
        if (e instanceof ErreurApi && Object.keys(e.fields).length) setErreurs(Object.values(e.fields));
        throw e;
      }
    },
    { succes: (r) => r.message },
  );
  const lancer = () => {
    const f = champ.current?.files?.[0];
    if (!f) {
      consoleMessages.erreur('Fichier : choisissez le fichier CSV des notes à importer.');
      return;
    }
    void importer.executer(f);
  };
  return (
    <section className="fr-mt-4w" aria-labelledby="titre-import">
      <h2 className="fr-h6" id="titre-import">
        Importer les notes d’un fichier CSV
      </h2>
      <div className={`fr-upload-group${erreurs.length ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor="fichier-notes">
          Fichier des notes
          <span className="fr-hint-text">
            Format CSV, séparateur point-virgule, une ligne d’en-tête « N° candidat;Epreuve;Note ». Epreuve : ECT1 (épreuve scientifique et technique) ou ECT2 (épreuve de
            français et histoire-géographie). Note : sur 20, au plus deux décimales (12 ou 12,5), ou ABS. Le fichier est importé en entier ou pas du tout ; seuls les jurys à
            l’état 200 acceptent un import.
          </span>
        </label>
        <input className="fr-upload" type="file" id="fichier-notes" name="fichier-notes" accept=".csv,text/csv" ref={champ} aria-describedby={erreurs.length ? 'erreurs-import' : undefined} />
      </div>
      <button type="button" className="fr-btn fr-icon-upload-line fr-btn--icon-left fr-mt-2w" onClick={lancer} disabled={importer.enCours}>
        Importer
      </button>
      {erreurs.length > 0 && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mt-2w" id="erreurs-import" role="alert">
          <p>{pluriel(erreurs.length, 'erreur', 'erreurs')} : aucune note n’a été importée.</p>
          <ul>
            {erreurs.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ListeJurysNotes() {
  const a = useActivite();
  const liste = useListeJurys('notes-controle', `${BASE_DEC}/notes-controle/jurys`);
  return (
    <>
      <Liste
        id="jurys-notes"
        titre="Jurys de la session"
        {...liste}
        colonnes={colonnes}
        lien={(j) => `${a.base}/${j.id}`}
        libelleLien={(j) => `Jury ${j.numero}, ${j.specialite.libelle} : saisir les notes de contrôle`}
      />
      <ImportCsv />
    </>
  );
}

interface SaisieOral {
  texte: string;
  absent: boolean;
}

const saisieDe = (o: OralVue): SaisieOral => ({ texte: o.statut === 'note' && o.valeur !== null ? String(o.valeur).replace('.', ',') : '', absent: o.statut === 'absent' });

function LigneSaisie({ c, ouverte, motifObligatoire, surEnregistre }: { c: CandidatVue; ouverte: boolean; motifObligatoire: boolean; surEnregistre: () => Promise<unknown> }) {
  const uid = useId();
  const [saisies, setSaisies] = useState<SaisieOral[]>(() => c.oraux.map(saisieDe));
  const [motif, setMotif] = useState('');
  /** The server's refusals, on the field they concern (note-0, note-1, motif). */
  const [erreursServeur, setErreursServeur] = useState<Record<string, string>>({});
  // The grades stored changed (saved here, or by someone else): the fields show them.
  const stockees = c.oraux.map((o) => `${o.statut}:${o.valeur}`).join('|');
  useEffect(() => {
    setSaisies(c.oraux.map(saisieDe));
    // Only when the stored grades change.
  }, [stockees]);
  const enregistrer = useAction(
    async () => {
      const messages: string[] = [];
      setErreursServeur({});
      for (const [i, o] of c.oraux.entries()) {
        const s = saisies[i]!;
        const avant = saisieDe(o);
        if (s.absent === avant.absent && s.texte.trim() === avant.texte) continue;
        if (!s.absent && !s.texte.trim()) continue;
        try {
          const r = await api.put<{ message: string }>(`${BASE_DEC}/notes-controle`, {
            candidatureId: c.candidatureId,
            epreuve: o.oral,
            statut: s.absent ? 'absent' : 'note',
            ...(s.absent ? {} : { valeur: lireNote(s.texte) }),
            ...(motif.trim() ? { motif: motif.trim() } : {}),
            // The grade this page showed: refused if someone changed it meanwhile.
            attendu: o.statut ? { statut: o.statut, valeur: o.valeur } : null,
          });
          messages.push(r.message);
        } catch (e) {
          if (e instanceof ErreurApi) {
            const champ = e.fields.motif ? 'motif' : `note-${i}`;
            setErreursServeur({ [champ]: e.fields.motif ?? e.fields.valeur ?? e.fields.statut ?? e.message });
            // Changed by someone else, or the jury moved: the row shows the stored grades now.
            if (e.status === 409) await surEnregistre();
          }
          throw e;
        }
      }
      await surEnregistre();
      return messages;
    },
    { succes: (m) => (m.length ? m.join(' ') : `Aucune note modifiée pour le candidat ${c.numeroCandidat}.`) },
  );
  const valider = () => {
    setErreursServeur({});
    const champs: Record<string, string> = {};
    c.oraux.forEach((o, i) => {
      const s = saisies[i]!;
      if (!s.absent && s.texte.trim() && lireNote(s.texte) === null) champs[`note-${i}`] = `${o.libelle} : une note sur 20 avec au plus deux décimales est attendue (12 ou 12,5).`;
    });
    const modifie = c.oraux.some((o, i) => JSON.stringify(saisieDe(o)) !== JSON.stringify({ ...saisies[i]!, texte: saisies[i]!.texte.trim() }));
    if (motifObligatoire && modifie && !motif.trim()) champs.motif = 'Motif : obligatoire pour modifier une note pendant la délibération (jury à l’état 210).';
    if (Object.keys(champs).length) {
      enregistrer.signalerChamps(champs);
      consoleMessages.erreur(Object.values(champs).join(' '));
      return;
    }
    void enregistrer.executer();
  };
  const erreur = (k: string): string | undefined => erreursServeur[k] ?? enregistrer.erreursChamps[k];
  return (
    <tr>
      <td>
        {c.numeroCandidat}
        <br />
        {c.nom} {c.prenom}
        <br />
        <span className="fr-text--xs">
          1er groupe : {c.premierGroupe.moyenne} ; résultat calculé : {c.resultat.libelle}
          {c.resultat.moyenne ? ` (${c.resultat.moyenne})` : ''}
        </span>{' '}
        <Drapeaux c={c} />
      </td>
      {c.oraux.map((o, i) => {
        const id = `${uid}-note-${i}`;
        const e = erreur(`note-${i}`);
        return (
          <td key={o.oral}>
            <div className={`fr-input-group fr-mb-1v${e ? ' fr-input-group--error' : ''}`}>
              <label className="fr-label fr-text--xs" htmlFor={id}>
                Note /20<span className="fr-sr-only"> {o.code} {c.numeroCandidat}</span>
                <span className="fr-hint-text">Remplace : {o.epreuveRemplacee ?? '—'}</span>
              </label>
              <input
                className="fr-input"
                id={id}
                name={id}
                inputMode="decimal"
                autoComplete="off"
                value={saisies[i]!.texte}
                disabled={!ouverte || saisies[i]!.absent}
                aria-invalid={e ? true : undefined}
                aria-describedby={e ? `${id}-erreur` : undefined}
                onChange={(ev) => setSaisies((s) => s.map((x, k) => (k === i ? { ...x, texte: ev.target.value } : x)))}
              />
              {e && (
                <p className="fr-error-text" id={`${id}-erreur`}>
                  {e}
                </p>
              )}
            </div>
            <div className="fr-checkbox-group fr-checkbox-group--sm">
              <input
                type="checkbox"
                id={`${id}-abs`}
                checked={saisies[i]!.absent}
                disabled={!ouverte}
                onChange={(ev) => setSaisies((s) => s.map((x, k) => (k === i ? { texte: ev.target.checked ? '' : x.texte, absent: ev.target.checked } : x)))}
              />
              <label className="fr-label" htmlFor={`${id}-abs`}>
                Absent<span className="fr-sr-only"> ({o.code}, {c.numeroCandidat})</span>
              </label>
            </div>
          </td>
        );
      })}
      {motifObligatoire && (
        <td>
          <div className={`fr-input-group${erreur('motif') ? ' fr-input-group--error' : ''}`}>
            <label className="fr-label fr-text--xs" htmlFor={`${uid}-motif`}>
              Motif<span className="fr-sr-only"> de la modification {c.numeroCandidat}</span>
            </label>
            <input
              className="fr-input"
              id={`${uid}-motif`}
              value={motif}
              maxLength={300}
              onChange={(ev) => setMotif(ev.target.value)}
              aria-invalid={erreur('motif') ? true : undefined}
              aria-describedby={erreur('motif') ? `${uid}-motif-erreur` : undefined}
            />
            {erreur('motif') && (
              <p className="fr-error-text" id={`${uid}-motif-erreur`}>
                {erreur('motif')}
              </p>
            )}
          </div>
        </td>
      )}
      <td>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={valider} disabled={!ouverte || enregistrer.enCours}>
          Enregistrer<span className="fr-sr-only"> les notes de {c.numeroCandidat}</span>
        </button>
      </td>
    </tr>
  );
}

function DetailNotes({ id }: { id: string }) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['gestion', 'deliberation', 'notes', Number(id)],
    queryFn: () => api.get<{ jury: JuryDec; saisieOuverte: boolean; motifObligatoire: boolean; candidats: CandidatVue[] }>(`${BASE_DEC}/notes-controle/jurys/${id}`),
  });
  const d = q.data;
  let contenu: ReactNode = null;
  if (d) {
    const j = d.jury;
    contenu = (
      <>
        <h2 className="fr-h5">
          Notes de l’épreuve de contrôle — jury {j.numero} ({j.specialite.libelle})
        </h2>
        <Details
          lignes={[
            ['Centre de délibération', j.centre.libelle],
            ['Etat d’avancement du jury', <BadgeEtat etat={j.etat} libelle={j.libelleEtat} />],
            ['Candidats admissibles', String(j.nbAdmissibles)],
            ['Notes manquantes', String(j.nbNotesControleManquantes)],
          ]}
        />
        {!d.saisieOuverte && (
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
            <p>La saisie des notes de l’épreuve de contrôle demande l’état 200 - Recueil des notes de l’épreuve de contrôle ou 210 - Délibération de l’épreuve de contrôle.</p>
          </div>
        )}
        {d.motifObligatoire && (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
            <p>Le jury délibère (état 210) : toute modification demande un motif ; elle figure au PV des notes modifiées et annule la décision déjà enregistrée du candidat.</p>
          </div>
        )}
        {d.candidats.length === 0 ? (
          <p>Aucun candidat de ce jury n’est admissible à l’épreuve de contrôle.</p>
        ) : (
          <TableauDsfr classe="fr-table--no-caption fr-table--multiline">
            <caption>Candidats admissibles du jury {j.numero}</caption>
            <thead>
              <tr>
                <th scope="col">Candidat</th>
                <th scope="col">Epr. scientifique et technique (ECT1)</th>
                <th scope="col">Epr. français et histoire-géographie (ECT2)</th>
                {d.motifObligatoire && <th scope="col">Motif</th>}
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {d.candidats.map((c) => (
                <LigneSaisie
                  key={c.candidatureId}
                  c={c}
                  ouverte={d.saisieOuverte}
                  motifObligatoire={d.motifObligatoire}
                  surEnregistre={() => invaliderDeliberation(client)}
                />
              ))}
            </tbody>
          </TableauDsfr>
        )}
      </>
    );
  }
  return <CadreDetail q={q}>{contenu}</CadreDetail>;
}

export default function NotesControle() {
  return <ListeOuDetail liste={<ListeJurysNotes />} detail={(id) => <DetailNotes id={id} />} />;
}
