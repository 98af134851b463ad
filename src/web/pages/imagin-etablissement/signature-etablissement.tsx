// Signature établissement pour la convocation (seed 003 §4.4): the chef d'établissement's signature.
import { SignatureConvocation } from './signature-commun.tsx';

export default function SignatureEtablissement() {
  return <SignatureConvocation type="etablissement" />;
}
