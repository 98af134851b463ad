// The request id (issue 18 §2): every response carries it (X-Request-Id), every log line of the request
// carries it (pino's reqId), and a 500 shows it as the reference users quote. It is generated here,
// short enough to be read over the phone; an incoming X-Request-Id is taken only from a trusted proxy
// (TRUST_PROXY, decision 0012), so that the proxy's and the platform's logs share one id.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export const ENTETE_ID_REQUETE = 'x-request-id';

/** What an id received from a proxy may look like (nginx's $request_id, a UUID, a trace id…). */
const ID_ACCEPTABLE = /^[A-Za-z0-9._:-]{8,64}$/;

/** 12 hexadecimal digits (48 bits): unique enough across a day of logs, short enough to dictate. */
export function nouvelIdRequete(): string {
  return randomBytes(6).toString('hex').toUpperCase();
}

// The named ranges proxy-addr (Fastify's trustProxy) knows, for TRUST_PROXY.
const PLAGES: Record<string, Array<[string, number, 'ipv4' | 'ipv6']>> = {
  loopback: [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']],
  linklocal: [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']],
  uniquelocal: [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']],
};

/** Whether an address (of a socket) is one of the trusted proxies of TRUST_PROXY (validated by config.ts). */
export function mandataireDeConfiance(trustProxy: string[]): (adresse: string | undefined) => boolean {
  if (trustProxy.length === 0) return () => false;
  const liste = new BlockList();
  for (const entree of trustProxy) {
    for (const [reseau, prefixe, type] of PLAGES[entree] ?? []) liste.addSubnet(reseau, prefixe, type);
    if (PLAGES[entree]) continue;
    const [adresse, prefixe] = entree.split('/') as [string, string | undefined];
    const type = isIPv6(adresse) ? 'ipv6' : 'ipv4';
    if (prefixe === undefined) liste.addAddress(adresse, type);
    else liste.addSubnet(adresse, Number(prefixe), type);
  }
  return (adresse) => {
    if (!adresse) return false;
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(adresse)?.[1];
    if (v4) return liste.check(v4, 'ipv4');
    if (isIPv4(adresse)) return liste.check(adresse, 'ipv4');
    return isIPv6(adresse) && liste.check(adresse, 'ipv6');
  };
}

/** Fastify's genReqId: the trusted proxy's X-Request-Id when it sends a well-formed one, else a new id. */
export function generateurIdRequete(trustProxy: string[]): (req: IncomingMessage) => string {
  const deConfiance = mandataireDeConfiance(trustProxy);
  return (req) => {
    const recu = req.headers[ENTETE_ID_REQUETE];
    if (typeof recu === 'string' && ID_ACCEPTABLE.test(recu) && deConfiance(req.socket?.remoteAddress)) return recu;
    return nouvelIdRequete();
  };
}
