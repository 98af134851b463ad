// Seed files of hardware OATH keys, as the DSI imports them (issue 8 §1): the CSV
// `serial;secret;type;digits;period` or PSKC (RFC 6030). Every key read, and every error with its line,
// field and what is expected, in French; whether one error rejects the whole file is the caller's
// decision. Pure: the file's content is passed in, nothing is stored.
//
// PSKC is read with the small XML reader below, which knows only what a seed file needs (elements,
// attributes, text, CDATA, comments, the five predefined entities and character references): no XML
// library is a dependency of the project, and a DOCTYPE (entities, external references) is refused
// rather than interpreted. No Node API either (no Buffer, no node:crypto, only a type from otp.ts), so
// the browser may use it to check a file before sending it.
import type { Chiffres, Periode } from './otp.ts';

interface CleImporteeCommune {
  numeroSerie: string;
  secret: Uint8Array;
  chiffres: Chiffres;
}
/** HOTP keys carry their counter (0 for a new key), TOTP keys their period: never both. */
export type CleOtpImportee =
  | (CleImporteeCommune & { type: 'HOTP'; compteur: number; periode: null })
  | (CleImporteeCommune & { type: 'TOTP'; periode: Periode; compteur: null });

export interface ErreurImport {
  /** 1-based line of the file; null for the file as a whole. */
  ligne: number | null;
  /** The CSV column or PSKC element concerned, as named in the file; null for the whole line or file. */
  champ: string | null;
  /** Self-contained French message: it names the line and the field too. */
  message: string;
}

export interface ResultatImport {
  cles: CleOtpImportee[];
  erreurs: ErreurImport[];
}

export type FormatImport = 'csv' | 'pskc';

/** RFC 4226 §4 R6: the shared secret MUST be at least 128 bits. */
export const OCTETS_SECRET_MIN = 16;

// ---------------------------------------------------------------------------------------------
// Identifiant and serial number: one rule for the DSI's form and for the import (issue 13 §10)

/**
 * A key's identifiant is the login typed on the portal's first screen, shown in the DSI's lists and
 * exported: 3 to 40 of [A-Za-z0-9._-], so that nothing in it is markup or a spreadsheet formula.
 */
const MOTIF_IDENTIFIANT_CLE = /^[A-Za-z0-9._-]{3,40}$/;
export const REGLE_IDENTIFIANT_CLE = '3 à 40 caractères parmi les lettres sans accent, les chiffres, « - », « _ » et « . »';
export function identifiantCleValide(identifiant: string): boolean {
  return MOTIF_IDENTIFIANT_CLE.test(identifiant);
}
/** The prefix of the imported keys' identifiants (identifiant = prefix + serial number) when none is given. */
export const PREFIXE_IDENTIFIANT_IMPORT = 'OTP-';
/** The prefix alone: at most 20 of the identifiant's characters (it may be empty). */
export function prefixeIdentifiantValide(prefixe: string): boolean {
  return /^[A-Za-z0-9._-]{0,20}$/.test(prefixe);
}
export const LONGUEUR_SERIE_MAX = 64;

/** What is wrong with a serial number (form and import alike); null when it is acceptable. */
export function messageNumeroSerie(serie: string): string | null {
  if (!serie) return 'le numéro de série est vide';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(serie)) return 'le numéro de série contient un caractère de contrôle';
  if (serie.length > LONGUEUR_SERIE_MAX) return `le numéro de série dépasse ${LONGUEUR_SERIE_MAX} caractères`;
  return null;
}

/** The import forms each identifiant from the prefix and the serial number: it must pass the form's rule. */
export function messageIdentifiantImporte(identifiant: string): string | null {
  return identifiantCleValide(identifiant)
    ? null
    : `l’identifiant « ${identifiant} » (préfixe suivi du numéro de série) n’est pas accepté ; ${REGLE_IDENTIFIANT_CLE} sont attendus, comme dans le formulaire d’enregistrement d’une clé`;
}

/** How the import reads a file: with a prefix, every identifiant it will form is checked too. */
export interface OptionsImport {
  prefixeIdentifiant?: string;
}

// ---------------------------------------------------------------------------------------------
// Secrets

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, case-insensitive, "=" padding optional; null when it is not base32. */
export function decoderBase32(texte: string): Uint8Array | null {
  const t = texte.toUpperCase().replace(/=+$/, '');
  // A base32 text of n bytes has 8n/5 characters rounded up: never 1, 3 or 6 more than a multiple of 8.
  if (!t || !/^[A-Z2-7]+$/.test(t) || [1, 3, 6].includes(t.length % 8)) return null;
  const octets = new Uint8Array(Math.floor((t.length * 5) / 8));
  let tampon = 0;
  let bits = 0;
  let i = 0;
  for (const c of t) {
    tampon = ((tampon << 5) | BASE32.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      octets[i++] = (tampon >> bits) & 0xff;
    }
  }
  return octets;
}

/** Hexadecimal, either case, "0x" prefix allowed; null when it is not an even run of hex digits. */
export function decoderHex(texte: string): Uint8Array | null {
  const t = texte.replace(/^0x/i, '');
  if (!t || t.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(t)) return null;
  return Uint8Array.from({ length: t.length / 2 }, (_, i) => parseInt(t.slice(2 * i, 2 * i + 2), 16));
}

export type SecretDecode = { ok: true; octets: Uint8Array; encodage: 'hex' | 'base32' } | { ok: false; message: string };

/**
 * A CSV secret in hexadecimal or base32, told apart by its characters: 0, 1, 8 and 9 are not base32,
 * G–Z are not hex. A text valid in both (only 2–7 and A–F, a rare accident for a random secret) is
 * refused rather than guessed; a "hex:" or "base32:" prefix then says which. Spaces between groups
 * of characters are ignored.
 */
export function decoderSecret(brut: string): SecretDecode {
  const texte = brut.replace(/\s+/g, '');
  const prefixe = /^(hex|base32):/i.exec(texte);
  if (prefixe) {
    const reste = texte.slice(prefixe[0].length);
    const encodage = prefixe[1]!.toLowerCase() as 'hex' | 'base32';
    const octets = encodage === 'hex' ? decoderHex(reste) : decoderBase32(reste);
    if (octets) return { ok: true, octets, encodage };
    return {
      ok: false,
      message:
        encodage === 'hex'
          ? 'le secret annoncé en hexadécimal n’en est pas (un nombre pair de caractères 0-9 et A-F attendu)'
          : 'le secret annoncé en base32 n’en est pas (caractères A-Z et 2-7 attendus, « = » en fin)',
    };
  }
  if (!texte) return { ok: false, message: 'le secret est vide' };
  const hex = decoderHex(texte);
  const base32 = decoderBase32(texte);
  if (hex && base32) {
    return {
      ok: false,
      message:
        'le secret peut se lire en hexadécimal comme en base32 ; préfixez-le de « hex: » ou de « base32: » pour dire lequel',
    };
  }
  if (hex) return { ok: true, octets: hex, encodage: 'hex' };
  if (base32) return { ok: true, octets: base32, encodage: 'base32' };
  return {
    ok: false,
    message:
      'le secret n’est ni en hexadécimal (un nombre pair de caractères 0-9 et A-F) ni en base32 (caractères A-Z et 2-7)',
  };
}

function messageSecretCourt(octets: Uint8Array): string | null {
  return octets.length < OCTETS_SECRET_MIN
    ? `le secret fait ${octets.length} octets ; au moins ${OCTETS_SECRET_MIN} (128 bits, RFC 4226) attendus`
    : null;
}

// ---------------------------------------------------------------------------------------------
// Shared checks and the result being built

class Collecte {
  readonly cles: CleOtpImportee[] = [];
  readonly erreurs: ErreurImport[] = [];
  private readonly lignesParSerie = new Map<string, number>();
  private readonly prefixe: string | null;
  constructor(prefixe: string | null = null) {
    this.prefixe = prefixe;
  }

  /** With a prefix: an error when prefix + serial is not an acceptable identifiant. */
  identifiant(numeroSerie: string, ligne: number | null, champ: string, lieu: string): void {
    if (this.prefixe === null) return;
    const message = messageIdentifiantImporte(this.prefixe + numeroSerie);
    if (message) this.erreur(ligne, champ, lieu, message);
  }

  /** `lieu` is how the message names the field: "colonne « digits »", "élément <SerialNo>". */
  erreur(ligne: number | null, champ: string | null, lieu: string | null, message: string): void {
    const ou = [ligne === null ? null : `Ligne ${ligne}`, lieu].filter(Boolean).join(', ');
    const texte = ou ? `${ou} : ${message}` : message.charAt(0).toUpperCase() + message.slice(1);
    this.erreurs.push({ ligne, champ, message: texte.endsWith('.') ? texte : `${texte}.` });
  }

  /** False (and an error) when the serial number was already seen in this file. */
  serieNouvelle(numeroSerie: string, ligne: number, champ: string, lieu: string): boolean {
    const deja = this.lignesParSerie.get(numeroSerie);
    if (deja !== undefined) {
      this.erreur(ligne, champ, lieu, `le numéro de série « ${numeroSerie} » figure déjà ligne ${deja}`);
      return false;
    }
    this.lignesParSerie.set(numeroSerie, ligne);
    return true;
  }

  resultat(): ResultatImport {
    return { cles: this.cles, erreurs: this.erreurs };
  }
}

function lireChiffres(texte: string): Chiffres | null {
  return texte === '6' ? 6 : texte === '8' ? 8 : null;
}

function lirePeriode(texte: string): Periode | null {
  return texte === '30' ? 30 : texte === '60' ? 60 : null;
}

const MESSAGE_CHIFFRES = (v: string) => `« ${v} » n’est pas un nombre de chiffres accepté ; 6 ou 8 attendu`;
const MESSAGE_PERIODE = (v: string) => `« ${v} » n’est pas une période acceptée ; 30 ou 60 (secondes) attendu`;

function nettoyerSerie(texte: string): string {
  return texte.trim();
}

const messageSerie = messageNumeroSerie;

// ---------------------------------------------------------------------------------------------
// CSV

const COLONNES = ['serial', 'secret', 'type', 'digits', 'period'] as const;

function retirerBom(texte: string): string {
  return texte.charCodeAt(0) === 0xfeff ? texte.slice(1) : texte;
}

/** A field without its surrounding spaces and double quotes (as a spreadsheet may write it). */
function champCsv(brut: string): string {
  const t = brut.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
}

/** A header names the columns: recognised by "secret" or "type" where a key has a secret and a type. */
function estEntete(champs: string[]): boolean {
  const [, secret = '', type = ''] = champs.map((c) => c.toLowerCase());
  return secret === 'secret' || secret === 'seed' || type === 'type';
}

/**
 * CSV `serial;secret;type;digits;period`, one key a line: a header line is optional, a UTF-8 BOM,
 * CRLF line ends and empty lines are tolerated. The period may be empty for a TOTP key (30 s, RFC
 * 6238's default) and is ignored for an HOTP key, which may also omit the column; an HOTP key starts
 * at counter 0, as a new hardware key does.
 */
export function lireCsvClesOtp(texte: string, options: OptionsImport = {}): ResultatImport {
  const collecte = new Collecte(options.prefixeIdentifiant ?? null);
  const lignes = retirerBom(texte).split(/\r\n|\n|\r/);
  let premiere = true;
  lignes.forEach((brute, i) => {
    const ligne = i + 1;
    if (!brute.trim()) return;
    const champs = brute.split(';').map(champCsv);
    if (premiere) {
      premiere = false;
      if (estEntete(champs)) return;
    }
    lireLigneCsv(collecte, ligne, brute, champs);
  });
  if (premiere) collecte.erreur(null, null, null, 'le fichier ne contient aucune clé');
  return collecte.resultat();
}

function lireLigneCsv(collecte: Collecte, ligne: number, brute: string, champs: string[]): void {
  const attendu = `5 colonnes séparées par des points-virgules attendues (${COLONNES.join(';')})`;
  if (champs.length === 1) {
    const separateur = brute.includes(',') ? ' ; la ligne semble séparée par des virgules' : brute.includes('\t') ? ' ; la ligne semble séparée par des tabulations' : '';
    collecte.erreur(ligne, null, null, `${attendu}${separateur}`);
    return;
  }
  if (champs.length < 4 || champs.length > 5) {
    collecte.erreur(ligne, null, null, `${champs.length} colonnes trouvées ; ${attendu}`);
    return;
  }
  const [serieBrute = '', secretBrut = '', typeBrut = '', chiffresBrut = '', periodeBrute = ''] = champs;
  const col = (nom: (typeof COLONNES)[number]) => `colonne ${COLONNES.indexOf(nom) + 1} « ${nom} »`;
  const avant = collecte.erreurs.length;

  const numeroSerie = nettoyerSerie(serieBrute);
  const erreurSerie = messageSerie(numeroSerie);
  if (erreurSerie) collecte.erreur(ligne, 'serial', col('serial'), erreurSerie);
  else collecte.identifiant(numeroSerie, ligne, 'serial', col('serial'));

  const secret = decoderSecret(secretBrut);
  if (!secret.ok) collecte.erreur(ligne, 'secret', col('secret'), secret.message);
  else {
    const court = messageSecretCourt(secret.octets);
    if (court) collecte.erreur(ligne, 'secret', col('secret'), court);
  }

  const type = typeBrut.toUpperCase();
  if (type !== 'HOTP' && type !== 'TOTP') {
    collecte.erreur(ligne, 'type', col('type'), `« ${typeBrut} » n’est pas un type accepté ; HOTP ou TOTP attendu`);
  }

  const chiffres = lireChiffres(chiffresBrut);
  if (chiffres === null) collecte.erreur(ligne, 'digits', col('digits'), MESSAGE_CHIFFRES(chiffresBrut));

  const periode = type === 'TOTP' ? (periodeBrute === '' ? 30 : lirePeriode(periodeBrute)) : null;
  if (type === 'TOTP' && periode === null) collecte.erreur(ligne, 'period', col('period'), MESSAGE_PERIODE(periodeBrute));

  if (collecte.erreurs.length > avant || !secret.ok || chiffres === null) return;
  if (!collecte.serieNouvelle(numeroSerie, ligne, 'serial', col('serial'))) return;
  const commun = { numeroSerie, secret: secret.octets, chiffres };
  collecte.cles.push(
    type === 'HOTP' ? { ...commun, type, compteur: 0, periode: null } : { ...commun, type: 'TOTP', periode: periode!, compteur: null },
  );
}

// ---------------------------------------------------------------------------------------------
// A minimal XML reader

export interface ElementXml {
  /** Local name, without its namespace prefix (PSKC files use a default namespace or "pskc:"). */
  nom: string;
  attributs: Map<string, string>;
  enfants: ElementXml[];
  /** The element's own text (CDATA included), children's text excluded. */
  texte: string;
  ligne: number;
}

class ErreurXml extends Error {
  readonly ligne: number;
  constructor(ligne: number, message: string) {
    super(message);
    this.ligne = ligne;
  }
}

const NOM_XML = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
const BLANCS = /\s*/y;
const ATTRIBUT = /([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(["'])/y;

/** The match of a sticky regex at `pos`, or null. */
function aPosition(regex: RegExp, texte: string, pos: number): RegExpExecArray | null {
  regex.lastIndex = pos;
  return regex.exec(texte);
}
const ENTITES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Reads a well-formed XML document into its element tree, or throws ErreurXml with the line of the
 * first fault. Namespaces are reduced to local names: a seed file's meaning does not depend on them.
 */
export function lireXml(source: string): ElementXml {
  const texte = retirerBom(source);
  const debutsDeLigne = [0];
  for (let i = 0; i < texte.length; i++) if (texte[i] === '\n') debutsDeLigne.push(i + 1);
  const ligneDe = (pos: number) => {
    let bas = 0;
    let haut = debutsDeLigne.length - 1;
    while (bas < haut) {
      const milieu = (bas + haut + 1) >> 1;
      if (debutsDeLigne[milieu]! <= pos) bas = milieu;
      else haut = milieu - 1;
    }
    return bas + 1;
  };
  const echec = (pos: number, message: string): never => {
    throw new ErreurXml(ligneDe(pos), message);
  };
  const decoder = (brut: string, pos: number) =>
    brut.replace(/&([^;&\s<]*);?/g, (tout, nom: string) => {
      if (!tout.endsWith(';')) return echec(pos, `« & » isolé ; écrire « &amp; »`);
      if (/^#x[0-9a-fA-F]+$/.test(nom)) return String.fromCodePoint(parseInt(nom.slice(2), 16));
      if (/^#[0-9]+$/.test(nom)) return String.fromCodePoint(parseInt(nom.slice(1), 10));
      const valeur = ENTITES[nom];
      return valeur ?? echec(pos, `entité « &${nom}; » inconnue`);
    });
  const chercher = (fin: string, depuis: number, quoi: string) => {
    const i = texte.indexOf(fin, depuis);
    return i < 0 ? echec(depuis, `${quoi} non terminé`) : i;
  };

  const pile: ElementXml[] = [];
  const nomsOuverts: string[] = []; // with their prefix, which the closing tag must repeat
  let racine: ElementXml | null = null;
  let pos = 0;
  while (pos < texte.length) {
    if (texte.startsWith('<?', pos)) {
      pos = chercher('?>', pos, 'instruction « <? »') + 2;
    } else if (texte.startsWith('<!--', pos)) {
      pos = chercher('-->', pos, 'commentaire') + 3;
    } else if (texte.startsWith('<![CDATA[', pos)) {
      const fin = chercher(']]>', pos, 'section CDATA');
      const courant = pile[pile.length - 1] ?? echec(pos, 'texte hors de l’élément racine');
      courant.texte += texte.slice(pos + 9, fin);
      pos = fin + 3;
    } else if (texte.startsWith('<!', pos)) {
      echec(pos, 'les déclarations « <!DOCTYPE » et « <!ENTITY » ne sont pas acceptées');
    } else if (texte.startsWith('</', pos)) {
      const fin = chercher('>', pos, 'balise fermante');
      const nom = texte.slice(pos + 2, fin).trim();
      const ouvert = pile.pop();
      const nomOuvert = nomsOuverts.pop();
      if (!ouvert) echec(pos, `</${nom}> ne ferme aucun élément`);
      if (nom !== nomOuvert) echec(pos, `</${nom}> ferme <${nomOuvert}> ouvert ligne ${ouvert!.ligne}`);
      pos = fin + 1;
    } else if (texte[pos] === '<') {
      const debut = pos;
      const nom = aPosition(NOM_XML, texte, pos + 1)?.[0] ?? echec(pos, 'nom d’élément attendu après « < »');
      pos += 1 + nom.length;
      const element: ElementXml = { nom: nomLocal(nom), attributs: new Map(), enfants: [], texte: '', ligne: ligneDe(debut) };
      let autoFerme = false;
      for (;;) {
        const blanc = aPosition(BLANCS, texte, pos)![0].length;
        pos += blanc;
        if (texte.startsWith('/>', pos)) {
          autoFerme = true;
          pos += 2;
          break;
        }
        if (texte[pos] === '>') {
          pos += 1;
          break;
        }
        if (pos >= texte.length) echec(debut, `balise <${nom}> non terminée`);
        if (!blanc) echec(pos, `espace attendu entre les attributs de <${nom}>`);
        const attr = aPosition(ATTRIBUT, texte, pos) ?? echec(pos, `attribut mal formé dans <${nom}> (nom="valeur" attendu)`);
        const guillemet = attr[2]!;
        const debutValeur = pos + attr[0].length;
        const finValeur = chercher(guillemet, debutValeur, `valeur d’attribut de <${nom}>`);
        const valeur = texte.slice(debutValeur, finValeur);
        if (valeur.includes('<')) echec(debutValeur, `« < » dans une valeur d’attribut de <${nom}>`);
        const nomAttribut = attr[1]!;
        // Namespace declarations are not data; prefixed attributes keep their local name.
        if (nomAttribut !== 'xmlns' && !nomAttribut.startsWith('xmlns:')) {
          element.attributs.set(nomLocal(nomAttribut), decoder(valeur, debutValeur));
        }
        pos = finValeur + 1;
      }
      const parent = pile[pile.length - 1];
      if (parent) parent.enfants.push(element);
      else if (racine) echec(debut, `second élément racine <${nom}>`);
      else racine = element;
      if (!autoFerme) {
        pile.push(element);
        nomsOuverts.push(nom);
      }
    } else {
      const fin = texte.indexOf('<', pos);
      const bout = texte.slice(pos, fin < 0 ? texte.length : fin);
      const courant = pile[pile.length - 1];
      if (courant) courant.texte += decoder(bout, pos);
      else if (bout.trim()) echec(pos, 'texte hors de l’élément racine');
      pos = fin < 0 ? texte.length : fin;
    }
  }
  if (pile.length) echec(texte.length, `<${pile[pile.length - 1]!.nom}> ouvert ligne ${pile[pile.length - 1]!.ligne} jamais fermé`);
  return racine ?? echec(0, 'aucun élément');
}

function nomLocal(nom: string): string {
  const i = nom.indexOf(':');
  return i < 0 ? nom : nom.slice(i + 1);
}

function enfant(element: ElementXml | undefined, ...chemin: string[]): ElementXml | undefined {
  let courant = element;
  for (const nom of chemin) courant = courant?.enfants.find((e) => e.nom === nom);
  return courant;
}

// ---------------------------------------------------------------------------------------------
// PSKC

/**
 * The algorithm URIs of RFC 6030 (and the IANA registry for TOTP); some vendors write "#hotp" for
 * ":hotp", or the draft's http://www.ietf.org/keyprov/pskc#hotp.
 */
function typeAlgorithme(uri: string): 'HOTP' | 'TOTP' | null {
  const m = /^(?:urn:ietf:params:xml:ns:keyprov:pskc|http:\/\/www\.ietf\.org\/keyprov\/pskc)[:#](hotp|totp)$/i.exec(uri.trim());
  return m ? (m[1]!.toUpperCase() as 'HOTP' | 'TOTP') : null;
}

function decoderBase64(texte: string): Uint8Array | null {
  const t = texte.replace(/\s+/g, '');
  if (!t || t.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return null;
  return Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
}

export const MESSAGE_PSKC_CHIFFRE =
  'les secrets de ce fichier PSKC sont chiffrés (EncryptionKey / EncryptedValue), ce qui n’est pas encore pris en charge ; demandez au fournisseur un fichier PSKC en clair (PlainValue) ou un fichier CSV';

/**
 * PSKC (RFC 6030): one key per KeyPackage, its serial number from DeviceInfo/SerialNo (else the
 * Key's Id), its type from the Key's Algorithm, the secret from Data/Secret/PlainValue (base64), the
 * number of digits from AlgorithmParameters/ResponseFormat@Length, the counter from Data/Counter (0
 * when absent) and the period from Data/TimeInterval (30 s when absent). Encrypted secrets are
 * reported, not read. Only HMAC-SHA1 with T0 = 0 is accepted, being what the rest of the chain knows.
 */
export function lirePskc(texte: string, options: OptionsImport = {}): ResultatImport {
  const collecte = new Collecte(options.prefixeIdentifiant ?? null);
  let racine: ElementXml;
  try {
    racine = lireXml(texte);
  } catch (e) {
    if (!(e instanceof ErreurXml)) throw e;
    collecte.erreur(e.ligne, null, null, `le fichier PSKC n’est pas un XML valide : ${e.message}`);
    return collecte.resultat();
  }
  if (racine.nom !== 'KeyContainer') {
    collecte.erreur(racine.ligne, racine.nom, `élément <${racine.nom}>`, 'un fichier PSKC commence par <KeyContainer>');
    return collecte.resultat();
  }
  const chiffrement = enfant(racine, 'EncryptionKey');
  if (chiffrement) {
    collecte.erreur(chiffrement.ligne, 'EncryptionKey', 'élément <EncryptionKey>', MESSAGE_PSKC_CHIFFRE);
    return collecte.resultat();
  }
  const paquets = racine.enfants.filter((e) => e.nom === 'KeyPackage');
  if (!paquets.length) collecte.erreur(racine.ligne, 'KeyPackage', 'élément <KeyContainer>', 'aucune clé (<KeyPackage>) dans le fichier');
  for (const paquet of paquets) lirePaquet(collecte, paquet);
  return collecte.resultat();
}

/** "attribut Length de <ResponseFormat>" for "AlgorithmParameters/ResponseFormat@Length". */
function lieuPskc(champ: string): string {
  const [chemin = '', attribut] = champ.split('@');
  const element = chemin.split('/').pop();
  return attribut ? `attribut ${attribut} de <${element}>` : `élément <${element}>`;
}

function lirePaquet(collecte: Collecte, paquet: ElementXml): void {
  const cle = enfant(paquet, 'Key');
  if (!cle) {
    collecte.erreur(paquet.ligne, 'Key', 'élément <KeyPackage>', 'élément <Key> attendu');
    return;
  }
  const avant = collecte.erreurs.length;
  const erreur = (e: ElementXml, champ: string, message: string) => collecte.erreur(e.ligne, champ, lieuPskc(champ), message);

  const serieXml = enfant(paquet, 'DeviceInfo', 'SerialNo');
  const numeroSerie = nettoyerSerie(serieXml?.texte ?? cle.attributs.get('Id') ?? '');
  const erreurSerie = serieXml || numeroSerie ? messageSerie(numeroSerie) : 'ni <DeviceInfo><SerialNo> ni attribut Id sur <Key> : numéro de série attendu';
  if (erreurSerie) erreur(serieXml ?? cle, serieXml ? 'DeviceInfo/SerialNo' : 'Key@Id', erreurSerie);
  else collecte.identifiant(numeroSerie, (serieXml ?? cle).ligne, serieXml ? 'DeviceInfo/SerialNo' : 'Key@Id', lieuPskc(serieXml ? 'DeviceInfo/SerialNo' : 'Key@Id'));

  const algorithme = cle.attributs.get('Algorithm');
  const type = algorithme === undefined ? null : typeAlgorithme(algorithme);
  if (!type) {
    const attendu = 'urn:ietf:params:xml:ns:keyprov:pskc:hotp ou urn:ietf:params:xml:ns:keyprov:pskc:totp attendu';
    erreur(cle, 'Key@Algorithm', algorithme === undefined ? `attribut absent ; ${attendu}` : `algorithme « ${algorithme} » non pris en charge ; ${attendu}`);
  }

  const suite = enfant(cle, 'AlgorithmParameters', 'Suite');
  if (suite && !/^(HMAC-)?SHA-?1$/i.test(suite.texte.trim())) {
    erreur(suite, 'AlgorithmParameters/Suite', `« ${suite.texte.trim()} » non pris en charge ; HMAC-SHA1 attendu`);
  }

  const format = enfant(cle, 'AlgorithmParameters', 'ResponseFormat');
  const longueur = format?.attributs.get('Length');
  const chiffres = longueur === undefined ? null : lireChiffres(longueur.trim());
  if (!format || longueur === undefined) {
    erreur(format ?? cle, 'AlgorithmParameters/ResponseFormat@Length', 'absent ; le nombre de chiffres des codes, 6 ou 8, attendu');
  } else if (chiffres === null) {
    erreur(format, 'AlgorithmParameters/ResponseFormat@Length', MESSAGE_CHIFFRES(longueur));
  }
  const encodage = format?.attributs.get('Encoding');
  if (format && encodage !== undefined && encodage.toUpperCase() !== 'DECIMAL') {
    erreur(format, 'AlgorithmParameters/ResponseFormat@Encoding', `codes « ${encodage} » non pris en charge ; DECIMAL attendu`);
  }

  const donnees = enfant(cle, 'Data');
  const secretXml = enfant(donnees, 'Secret');
  let secret: Uint8Array | null = null;
  if (!secretXml) erreur(donnees ?? cle, 'Data/Secret', 'élément <Secret> attendu dans <Data>');
  else if (enfant(secretXml, 'EncryptedValue')) erreur(secretXml, 'Data/Secret/EncryptedValue', MESSAGE_PSKC_CHIFFRE);
  else {
    const clair = enfant(secretXml, 'PlainValue');
    secret = clair ? decoderBase64(clair.texte) : null;
    if (!clair) erreur(secretXml, 'Data/Secret/PlainValue', 'élément <PlainValue> attendu');
    else if (!secret) erreur(clair, 'Data/Secret/PlainValue', 'le secret n’est pas en base64');
    else {
      const court = messageSecretCourt(secret);
      if (court) erreur(clair, 'Data/Secret/PlainValue', court);
    }
  }

  const entier = (chemin: string, defaut: number) => {
    const e = enfant(donnees, chemin, 'PlainValue');
    if (!e) return defaut;
    const t = e.texte.trim();
    if (/^[0-9]+$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
    erreur(e, `Data/${chemin}/PlainValue`, `« ${t} » n’est pas un entier positif`);
    return null;
  };
  const compteur = type === 'HOTP' ? entier('Counter', 0) : null;
  let periode: Periode | null = null;
  if (type === 'TOTP') {
    const intervalle = enfant(donnees, 'TimeInterval', 'PlainValue');
    periode = intervalle ? lirePeriode(intervalle.texte.trim()) : 30;
    if (intervalle && periode === null) erreur(intervalle, 'Data/TimeInterval/PlainValue', MESSAGE_PERIODE(intervalle.texte.trim()));
    const t0 = entier('Time', 0);
    if (t0 !== null && t0 !== 0) {
      erreur(enfant(donnees, 'Time')!, 'Data/Time/PlainValue', `origine des temps ${t0} non prise en charge ; 0 attendu`);
    }
  }

  if (collecte.erreurs.length > avant || !type || !secret || chiffres === null) return;
  const champSerie = serieXml ? 'DeviceInfo/SerialNo' : 'Key@Id';
  if (!collecte.serieNouvelle(numeroSerie, (serieXml ?? cle).ligne, champSerie, lieuPskc(champSerie))) return;
  const commun = { numeroSerie, secret, chiffres };
  collecte.cles.push(
    type === 'HOTP' ? { ...commun, type, compteur: compteur!, periode: null } : { ...commun, type, periode: periode!, compteur: null },
  );
}

// ---------------------------------------------------------------------------------------------
// Either format

/**
 * A seed file as uploaded: bytes are decoded as UTF-8 (a BOM is dropped), and a file whose first
 * character is "<" is read as PSKC, any other as CSV.
 */
export function importerClesOtp(contenu: string | Uint8Array, options: OptionsImport = {}): ResultatImport & { format: FormatImport | null } {
  let texte: string;
  if (typeof contenu === 'string') texte = contenu;
  else {
    try {
      texte = new TextDecoder('utf-8', { fatal: true }).decode(contenu);
    } catch {
      return {
        format: null,
        cles: [],
        erreurs: [{ ligne: null, champ: null, message: 'Le fichier n’est pas encodé en UTF-8.' }],
      };
    }
  }
  texte = retirerBom(texte);
  if (texte.trimStart().startsWith('<')) return { format: 'pskc', ...lirePskc(texte, options) };
  return { format: 'csv', ...lireCsvClesOtp(texte, options) };
}
