// Signature centre pour la convocation (seed 003 §4.4): the chef de centre's signature.
import { SignatureConvocation } from './signature-commun.tsx';

export default function SignatureCentre() {
  return <SignatureConvocation type="centre" />;
}
