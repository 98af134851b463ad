import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decoderBase32,
  decoderHex,
  decoderSecret,
  identifiantCleValide,
  importerClesOtp,
  lireCsvClesOtp,
  lirePskc,
  lireXml,
  MESSAGE_PSKC_CHIFFRE,
  REGLE_IDENTIFIANT_CLE,
} from './cles-otp-import.ts';
import { verifierHotp, verifierTotp } from './otp.ts';

const RFC = new TextEncoder().encode('12345678901234567890');
const RFC_HEX = '3132333435363738393031323334353637383930';
const RFC_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_BASE64 = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=';

describe('secrets', () => {
  it('decodes base32 as RFC 4648 §10', () => {
    const texte = (s: string) => new TextDecoder().decode(decoderBase32(s)!);
    expect(['MY======', 'MZXQ====', 'MZXW6===', 'MZXW6YQ=', 'MZXW6YTB', 'MZXW6YTBOI======'].map(texte)).toEqual([
      'f',
      'fo',
      'foo',
      'foob',
      'fooba',
      'foobar',
    ]);
    expect(decoderBase32('mzxw6ytboi')).toEqual(decoderBase32('MZXW6YTBOI'));
    expect(decoderBase32('MZXW6YTBO')).toBeNull(); // 9 characters: no byte count gives that
    expect(decoderBase32('MZXW6YT1')).toBeNull();
    expect(decoderBase32('')).toBeNull();
  });

  it('decodes hex', () => {
    expect(decoderHex(RFC_HEX)).toEqual(RFC);
    expect(decoderHex('0xFFfe')).toEqual(Uint8Array.of(255, 254));
    expect(decoderHex('abc')).toBeNull();
    expect(decoderHex('zz')).toBeNull();
  });

  it('tells hex from base32', () => {
    expect(decoderSecret(RFC_HEX)).toEqual({ ok: true, octets: RFC, encodage: 'hex' });
    expect(decoderSecret(RFC_BASE32)).toEqual({ ok: true, octets: RFC, encodage: 'base32' });
    expect(decoderSecret('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ')).toEqual({ ok: true, octets: RFC, encodage: 'base32' });
  });

  it('refuses an ambiguous secret unless prefixed, and what is neither', () => {
    const ambigu = 'ABCDEF234567ABCDEF234567ABCDEF23';
    expect(decoderSecret(ambigu)).toMatchObject({ ok: false, message: expect.stringContaining('« hex: »') });
    expect(decoderSecret(`hex:${ambigu}`)).toMatchObject({ ok: true, encodage: 'hex' });
    expect(decoderSecret(`base32:${ambigu}`)).toMatchObject({ ok: true, encodage: 'base32' });
    expect(decoderSecret('hex:GG')).toMatchObject({ ok: false, message: expect.stringContaining('hexadécimal') });
    expect(decoderSecret('secret!')).toMatchObject({ ok: false, message: expect.stringContaining('ni en hexadécimal') });
    expect(decoderSecret('  ')).toEqual({ ok: false, message: 'le secret est vide' });
  });

  it('round-trips any bytes through hex and base32 (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (octets) => {
        const hex = Array.from(octets, (o) => o.toString(16).padStart(2, '0')).join('');
        let bits = '';
        for (const o of octets) bits += o.toString(2).padStart(8, '0');
        bits = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
        const b32 = (bits.match(/.{5}/g) ?? []).map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(b, 2)]).join('');
        expect(decoderHex(hex)).toEqual(octets);
        expect(decoderBase32(b32)).toEqual(octets);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV', () => {
  it('reads HOTP and TOTP keys, with header, BOM and CRLF', () => {
    const csv = `\uFEFFserial;secret;type;digits;period\r\nCLE-001;${RFC_HEX};HOTP;6;\r\n\r\nCLE-002;${RFC_BASE32};totp;8;60\r\nCLE-003;${RFC_HEX};TOTP;6;\r\n`;
    const r = lireCsvClesOtp(csv);
    expect(r.erreurs).toEqual([]);
    expect(r.cles).toEqual([
      { numeroSerie: 'CLE-001', secret: RFC, type: 'HOTP', chiffres: 6, compteur: 0, periode: null },
      { numeroSerie: 'CLE-002', secret: RFC, type: 'TOTP', chiffres: 8, periode: 60, compteur: null },
      { numeroSerie: 'CLE-003', secret: RFC, type: 'TOTP', chiffres: 6, periode: 30, compteur: null },
    ]);
  });

  it('gives keys whose codes verify (RFC vectors)', () => {
    const [hotp, totp] = lireCsvClesOtp(`A;${RFC_HEX};HOTP;6\nB;${RFC_BASE32};TOTP;8;30`).cles;
    expect(verifierHotp({ ...hotp!, compteur: hotp!.compteur! }, '755224')).toEqual({ ok: true, nouveauCompteur: 1 });
    expect(verifierTotp({ ...totp!, periode: totp!.periode!, dernierPas: null }, '94287082', new Date(59_000))).toMatchObject({
      ok: true,
    });
  });

  it('does not take a first key for a header', () => {
    expect(lireCsvClesOtp(`NUM-001;${RFC_HEX};HOTP;6\nSERIAL-2;${RFC_HEX};HOTP;6`).cles).toHaveLength(2);
    expect(lireCsvClesOtp(`numero;secret;type;chiffres;periode\nA;${RFC_HEX};HOTP;6`).cles).toHaveLength(1);
  });

  it('reads without a header, quoted fields, 4 columns for HOTP, a period ignored for HOTP', () => {
    const r = lireCsvClesOtp(`"CLE 1";"${RFC_HEX}";"HOTP";"8"\nCLE 2;${RFC_HEX};HOTP;6;30\n`);
    expect(r.erreurs).toEqual([]);
    expect(r.cles.map((c) => [c.numeroSerie, c.chiffres, c.periode])).toEqual([
      ['CLE 1', 8, null],
      ['CLE 2', 6, null],
    ]);
  });

  it('names the line, the column and what is expected', () => {
    const csv = [
      'serial;secret;type;digits;period',
      `OK-1;${RFC_HEX};HOTP;6;`,
      'KO-2;pas-un-secret;HOTP;6;',
      `KO-3;${RFC_HEX};SMS;7;`,
      `KO-4;${RFC_HEX};TOTP;6;45`,
      'KO-5;31323334;HOTP;6;',
      `;${RFC_HEX};HOTP;6;`,
      `OK-1;${RFC_HEX};HOTP;6;`,
    ].join('\n');
    const r = lireCsvClesOtp(csv);
    expect(r.cles.map((c) => c.numeroSerie)).toEqual(['OK-1']);
    expect(r.erreurs).toEqual([
      {
        ligne: 3,
        champ: 'secret',
        message:
          'Ligne 3, colonne 2 « secret » : le secret n’est ni en hexadécimal (un nombre pair de caractères 0-9 et A-F) ni en base32 (caractères A-Z et 2-7).',
      },
      { ligne: 4, champ: 'type', message: 'Ligne 4, colonne 3 « type » : « SMS » n’est pas un type accepté ; HOTP ou TOTP attendu.' },
      {
        ligne: 4,
        champ: 'digits',
        message: 'Ligne 4, colonne 4 « digits » : « 7 » n’est pas un nombre de chiffres accepté ; 6 ou 8 attendu.',
      },
      {
        ligne: 5,
        champ: 'period',
        message: 'Ligne 5, colonne 5 « period » : « 45 » n’est pas une période acceptée ; 30 ou 60 (secondes) attendu.',
      },
      {
        ligne: 6,
        champ: 'secret',
        message: 'Ligne 6, colonne 2 « secret » : le secret fait 4 octets ; au moins 16 (128 bits, RFC 4226) attendus.',
      },
      { ligne: 7, champ: 'serial', message: 'Ligne 7, colonne 1 « serial » : le numéro de série est vide.' },
      {
        ligne: 8,
        champ: 'serial',
        message: 'Ligne 8, colonne 1 « serial » : le numéro de série « OK-1 » figure déjà ligne 2.',
      },
    ]);
  });

  it('explains a wrong separator or column count', () => {
    const r = lireCsvClesOtp(`A,${RFC_HEX},HOTP,6\nB;${RFC_HEX};HOTP\nC;${RFC_HEX};TOTP;6;30;0`);
    expect(r.cles).toEqual([]);
    expect(r.erreurs).toEqual([
      {
        ligne: 1,
        champ: null,
        message:
          'Ligne 1 : 5 colonnes séparées par des points-virgules attendues (serial;secret;type;digits;period) ; la ligne semble séparée par des virgules.',
      },
      {
        ligne: 2,
        champ: null,
        message: 'Ligne 2 : 3 colonnes trouvées ; 5 colonnes séparées par des points-virgules attendues (serial;secret;type;digits;period).',
      },
      {
        ligne: 3,
        champ: null,
        message: 'Ligne 3 : 6 colonnes trouvées ; 5 colonnes séparées par des points-virgules attendues (serial;secret;type;digits;period).',
      },
    ]);
  });

  it('says so when the file holds no key', () => {
    expect(lireCsvClesOtp('\uFEFF\n  \n')).toEqual({
      cles: [],
      erreurs: [{ ligne: null, champ: null, message: 'Le fichier ne contient aucune clé.' }],
    });
    expect(lireCsvClesOtp('serial;secret;type;digits;period\n').erreurs).toHaveLength(0);
  });
});

const enPskc = (paquets: string, entete = '') => `<?xml version="1.0" encoding="UTF-8"?>
<KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc">${entete}
${paquets}
</KeyContainer>`;

const paquet = (o: { serie?: string; id?: string; algo?: string; longueur?: string; secret?: string; donnees?: string } = {}) => `
  <KeyPackage>
    <DeviceInfo>
      <Manufacturer>Manufacturer</Manufacturer>${o.serie === undefined ? '<SerialNo>987654321</SerialNo>' : o.serie}
    </DeviceInfo>
    <Key Id="${o.id ?? '12345678'}" Algorithm="${o.algo ?? 'urn:ietf:params:xml:ns:keyprov:pskc:hotp'}">
      <Issuer>Issuer</Issuer>
      <AlgorithmParameters>
        <ResponseFormat Length="${o.longueur ?? '8'}" Encoding="DECIMAL"/>
      </AlgorithmParameters>
      <Data>
        <Secret>
          ${o.secret ?? `<PlainValue>${RFC_BASE64}</PlainValue>`}
        </Secret>
        ${o.donnees ?? '<Counter><PlainValue>0</PlainValue></Counter>'}
      </Data>
    </Key>
  </KeyPackage>`;

describe('PSKC', () => {
  it('reads the RFC 6030 §6 example (HOTP, plain secret)', () => {
    const r = lirePskc(enPskc(paquet()));
    expect(r).toEqual({
      cles: [{ numeroSerie: '987654321', secret: RFC, type: 'HOTP', chiffres: 8, compteur: 0, periode: null }],
      erreurs: [],
    });
  });

  it('reads a prefixed TOTP file with its period, and the default period', () => {
    const xml = `<pskc:KeyContainer xmlns:pskc="urn:ietf:params:xml:ns:keyprov:pskc" Version="1.0">
  <pskc:KeyPackage>
    <pskc:DeviceInfo><pskc:SerialNo>TOTP-60</pskc:SerialNo></pskc:DeviceInfo>
    <pskc:Key Id="k1" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:totp">
      <pskc:AlgorithmParameters><pskc:ResponseFormat Length='6' Encoding='DECIMAL'/></pskc:AlgorithmParameters>
      <pskc:Data>
        <pskc:Secret><pskc:PlainValue>
          ${RFC_BASE64}
        </pskc:PlainValue></pskc:Secret>
        <pskc:Time><pskc:PlainValue>0</pskc:PlainValue></pskc:Time>
        <pskc:TimeInterval><pskc:PlainValue>60</pskc:PlainValue></pskc:TimeInterval>
      </pskc:Data>
    </pskc:Key>
  </pskc:KeyPackage>
  <pskc:KeyPackage>
    <pskc:Key Id="k2" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc#totp">
      <pskc:AlgorithmParameters><pskc:ResponseFormat Length="8"/></pskc:AlgorithmParameters>
      <pskc:Data><pskc:Secret><pskc:PlainValue>${RFC_BASE64}</pskc:PlainValue></pskc:Secret></pskc:Data>
    </pskc:Key>
  </pskc:KeyPackage>
</pskc:KeyContainer>`;
    const r = lirePskc(xml);
    expect(r.erreurs).toEqual([]);
    expect(r.cles).toEqual([
      { numeroSerie: 'TOTP-60', secret: RFC, type: 'TOTP', chiffres: 6, periode: 60, compteur: null },
      { numeroSerie: 'k2', secret: RFC, type: 'TOTP', chiffres: 8, periode: 30, compteur: null },
    ]);
  });

  it('reads a counter, entities, CDATA and comments', () => {
    const xml = enPskc(
      paquet({
        serie: '<!-- n° gravé --><SerialNo>AB&amp;<![CDATA[<42>]]>&#x43;</SerialNo>',
        donnees: '<Counter><PlainValue> 17 </PlainValue></Counter>',
      }),
    );
    expect(lirePskc(xml).cles).toMatchObject([{ numeroSerie: 'AB&<42>C', compteur: 17 }]);
  });

  it('reports encrypted secrets clearly, without reading them (RFC 6030 §6.1)', () => {
    const entete = `
  <EncryptionKey>
    <ds:KeyName xmlns:ds="http://www.w3.org/2000/09/xmldsig#">Pre-shared-key</ds:KeyName>
  </EncryptionKey>`;
    const chiffre = `<EncryptedValue>
            <xenc:EncryptionMethod xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
          </EncryptedValue>`;
    expect(lirePskc(enPskc(paquet({ secret: chiffre }), entete))).toEqual({
      cles: [],
      erreurs: [
        {
          ligne: 3,
          champ: 'EncryptionKey',
          message: `Ligne 3, élément <EncryptionKey> : ${MESSAGE_PSKC_CHIFFRE}.`,
        },
      ],
    });
    const r = lirePskc(enPskc(paquet({ secret: chiffre })));
    expect(r.erreurs).toMatchObject([{ champ: 'Data/Secret/EncryptedValue', message: expect.stringContaining('chiffrés') }]);
    expect(MESSAGE_PSKC_CHIFFRE).toMatch(/pas encore pris en charge/);
  });

  it('names the line, the element and what is expected', () => {
    const xml = enPskc(
      [
        paquet({ serie: '<SerialNo>A</SerialNo>', algo: 'urn:ietf:params:xml:ns:keyprov:pskc:ocra-1' }),
        paquet({ serie: '<SerialNo>B</SerialNo>', longueur: '7' }),
        paquet({ serie: '<SerialNo>C</SerialNo>', secret: '<PlainValue>pas du base64 !</PlainValue>' }),
        paquet({ serie: '<SerialNo>D</SerialNo>', secret: '<PlainValue>MTIzNA==</PlainValue>' }),
        paquet({ serie: '<SerialNo>E</SerialNo>', donnees: '<Counter><PlainValue>-1</PlainValue></Counter>' }),
        paquet({ serie: '<SerialNo>F</SerialNo>' }),
        paquet({ serie: '<SerialNo>F</SerialNo>' }),
      ].join(''),
    );
    const r = lirePskc(xml);
    expect(r.cles.map((c) => c.numeroSerie)).toEqual(['F']);
    const lignes = xml.split('\n');
    const ligneDe = (fragment: string, apres = 0) => lignes.findIndex((l, i) => i >= apres && l.includes(fragment)) + 1;
    expect(r.erreurs).toEqual([
      {
        ligne: ligneDe('ocra-1'),
        champ: 'Key@Algorithm',
        message: `Ligne ${ligneDe('ocra-1')}, attribut Algorithm de <Key> : algorithme « urn:ietf:params:xml:ns:keyprov:pskc:ocra-1 » non pris en charge ; urn:ietf:params:xml:ns:keyprov:pskc:hotp ou urn:ietf:params:xml:ns:keyprov:pskc:totp attendu.`,
      },
      {
        ligne: ligneDe('Length="7"'),
        champ: 'AlgorithmParameters/ResponseFormat@Length',
        message: `Ligne ${ligneDe('Length="7"')}, attribut Length de <ResponseFormat> : « 7 » n’est pas un nombre de chiffres accepté ; 6 ou 8 attendu.`,
      },
      {
        ligne: ligneDe('pas du base64'),
        champ: 'Data/Secret/PlainValue',
        message: `Ligne ${ligneDe('pas du base64')}, élément <PlainValue> : le secret n’est pas en base64.`,
      },
      {
        ligne: ligneDe('MTIzNA=='),
        champ: 'Data/Secret/PlainValue',
        message: `Ligne ${ligneDe('MTIzNA==')}, élément <PlainValue> : le secret fait 4 octets ; au moins 16 (128 bits, RFC 4226) attendus.`,
      },
      {
        ligne: ligneDe('>-1<'),
        champ: 'Data/Counter/PlainValue',
        message: `Ligne ${ligneDe('>-1<')}, élément <PlainValue> : « -1 » n’est pas un entier positif.`,
      },
      {
        ligne: ligneDe('<SerialNo>F', ligneDe('<SerialNo>F')),
        champ: 'DeviceInfo/SerialNo',
        message: `Ligne ${ligneDe('<SerialNo>F', ligneDe('<SerialNo>F'))}, élément <SerialNo> : le numéro de série « F » figure déjà ligne ${ligneDe('<SerialNo>F')}.`,
      },
    ]);
  });

  it('falls back on the Key Id, requires a serial number, HMAC-SHA1 and T0 = 0', () => {
    expect(lirePskc(enPskc(paquet({ serie: '' }))).cles).toMatchObject([{ numeroSerie: '12345678' }]);
    const sansRien = enPskc(paquet({ serie: '' }).replace(' Id="12345678"', ''));
    expect(lirePskc(sansRien).erreurs).toMatchObject([{ champ: 'Key@Id', message: expect.stringContaining('numéro de série attendu') }]);
    const sha256 = enPskc(paquet().replace('<ResponseFormat', '<Suite>HMAC-SHA256</Suite><ResponseFormat'));
    expect(lirePskc(sha256).erreurs).toMatchObject([{ champ: 'AlgorithmParameters/Suite', message: expect.stringContaining('HMAC-SHA1 attendu') }]);
    const sha1 = enPskc(paquet().replace('<ResponseFormat', '<Suite>HMAC-SHA1</Suite><ResponseFormat'));
    expect(lirePskc(sha1).erreurs).toEqual([]);
    const t0 = enPskc(
      paquet({
        algo: 'urn:ietf:params:xml:ns:keyprov:pskc:totp',
        donnees: '<Time><PlainValue>1000</PlainValue></Time>',
      }),
    );
    expect(lirePskc(t0).erreurs).toMatchObject([{ champ: 'Data/Time/PlainValue' }]);
    const sansAlgo = enPskc(paquet().replace(/ Algorithm="[^"]*"/, ''));
    expect(lirePskc(sansAlgo).erreurs).toMatchObject([{ champ: 'Key@Algorithm', message: expect.stringContaining('attribut absent') }]);
  });

  it('reports malformed XML with its line, and refuses a DOCTYPE', () => {
    expect(lirePskc('<KeyContainer>\n  <KeyPackage>\n  </Key>\n</KeyContainer>').erreurs).toEqual([
      {
        ligne: 3,
        champ: null,
        message: 'Ligne 3 : le fichier PSKC n’est pas un XML valide : </Key> ferme <KeyPackage> ouvert ligne 2.',
      },
    ]);
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<KeyContainer>&e;</KeyContainer>';
    expect(lirePskc(doctype).erreurs).toMatchObject([{ ligne: 2, message: expect.stringContaining('DOCTYPE') }]);
    expect(lirePskc('<KeyContainer>\n<KeyPackage>').erreurs).toMatchObject([{ message: expect.stringContaining('jamais fermé') }]);
    expect(lirePskc('<Autre/>').erreurs).toMatchObject([{ ligne: 1, message: expect.stringContaining('<KeyContainer>') }]);
    expect(lirePskc('<KeyContainer/>').erreurs).toMatchObject([{ champ: 'KeyPackage', message: expect.stringContaining('aucune clé') }]);
  });
});

describe('lireXml', () => {
  it('keeps local names, attributes in either quotes, and text', () => {
    const racine = lireXml(`<a:r xmlns:a="urn:x" b='1' c="&lt;2&gt;"><e>t</e><e/>x</a:r>`);
    expect(racine.nom).toBe('r');
    expect([...racine.attributs]).toEqual([
      ['b', '1'],
      ['c', '<2>'],
    ]);
    expect(racine.enfants.map((e) => [e.nom, e.texte])).toEqual([
      ['e', 't'],
      ['e', ''],
    ]);
    expect(racine.texte).toBe('x');
  });

  it('throws on what is not well-formed', () => {
    for (const mal of ['<a>&foo;</a>', '<a>a & b</a>', '<a b=1/>', '<a b="1"c="2"/>', '<a></b>', '<a/><b/>', 'texte', '<a:x></b:x>', '']) {
      expect(() => lireXml(mal), mal).toThrow();
    }
  });
});

describe('importerClesOtp', () => {
  it('tells PSKC from CSV and decodes UTF-8 bytes with a BOM', () => {
    const csv = new TextEncoder().encode(`\uFEFFCLÉ-1;${RFC_HEX};HOTP;6;`);
    expect(importerClesOtp(csv)).toMatchObject({ format: 'csv', cles: [{ numeroSerie: 'CLÉ-1' }], erreurs: [] });
    expect(importerClesOtp(`\uFEFF  ${enPskc(paquet())}`)).toMatchObject({ format: 'pskc', cles: [{ numeroSerie: '987654321' }] });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(importerClesOtp(Uint8Array.of(0x43, 0xe9, 0x3b))).toEqual({
      format: null,
      cles: [],
      erreurs: [{ ligne: null, champ: null, message: 'Le fichier n’est pas encodé en UTF-8.' }],
    });
  });
});

describe('identifiants formés par l’import (issue 13 §10)', () => {
  it('refuse, avec un préfixe, un identifiant que le formulaire refuserait (formule de tableur, espace, accent, longueur)', () => {
    const csv = [`=cmd|' /C calc'!A0;${RFC_HEX};HOTP;6`, `CLE 2;${RFC_HEX};HOTP;6`, `CLÉ-3;${RFC_HEX};HOTP;6`, `${'X'.repeat(37)};${RFC_HEX};HOTP;6`, `SN-5;${RFC_HEX};HOTP;6`].join('\n');
    const r = importerClesOtp(csv, { prefixeIdentifiant: 'OTP-' });
    expect(r.erreurs.map((e) => [e.ligne, e.champ])).toEqual([
      [1, 'serial'],
      [2, 'serial'],
      [3, 'serial'],
      [4, 'serial'],
    ]);
    expect(r.erreurs[0]!.message).toBe(
      `Ligne 1, colonne 1 « serial » : l’identifiant « OTP-=cmd|' /C calc'!A0 » (préfixe suivi du numéro de série) n’est pas accepté ; ${REGLE_IDENTIFIANT_CLE} sont attendus, comme dans le formulaire d’enregistrement d’une clé.`,
    );
    expect(r.cles.map((c) => c.numeroSerie)).toEqual(['SN-5']);
    // PSKC alike.
    expect(importerClesOtp(enPskc(paquet({ serie: '<SerialNo>=HYPERLINK("x")</SerialNo>' })), { prefixeIdentifiant: 'OTP-' }).erreurs).toEqual([
      expect.objectContaining({ champ: 'DeviceInfo/SerialNo', message: expect.stringContaining('n’est pas accepté') }),
    ]);
  });

  it('la règle est celle du formulaire : identifiantCleValide', () => {
    for (const ok of ['OTP-001', 'abc', 'A.b_c-9', 'X'.repeat(40)]) expect(identifiantCleValide(ok), ok).toBe(true);
    for (const ko of ['ab', 'X'.repeat(41), "OTP-=cmd|' /C calc'!A0", 'OTP 1', 'CLÉ', '+33', 'a\u0000b']) expect(identifiantCleValide(ko), ko).toBe(false);
  });
});
