// An organization's name goes into the subject and greeting of every email Debrief sends for it. A name that holds
// a web address, an email address or a domain would let anyone who signs up send phishing ("Your Bank: verify your
// account at http://…") from Debrief's own mail server, so such a name is refused.

const URL_LIKE = /\b(?:https?|ftp)\s*:\s*\/\/|\bwww\s*\.|\S@\S/i;
/** A domain: labels joined by dots with no space, ending in letters ("acme.com", "pay-pal.co.uk", "bit.ly"). */
const DOMAIN_LIKE = /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/i;
/** The same spelled out with spaces around the dot, for the top-level domains phishing uses most ("paypal . com"). */
const SPACED_DOMAIN =
  /\b[a-z0-9-]+\s*\.\s+(?:com|net|org|info|biz|io|co|uk|us|me|ly|app|dev|xyz|online|site|top|ru|cn)\b|\b[a-z0-9-]+\s+\.\s*(?:com|net|org|info|biz|io|co|uk|us|me|ly|app|dev|xyz|online|site|top|ru|cn)\b/i;
/** Abbreviations and names with dots that are not addresses: "Acme Inc.", "A.B. Smith & Co.", "Dr. Who Ltd". */
const ALLOWED_DOTS =
  /^(?:inc|ltd|co|corp|llc|llp|plc|gmbh|sa|ag|bv|nv|pty|st|dr|mr|mrs|ms|jr|sr|bros|no|intl|dept|assn|u\.s|[a-z])$/i;

/** Why a name can't be an organization's name, or undefined when it can. */
export function organizationNameProblem(name: string): string | undefined {
  if (URL_LIKE.test(name)) return 'must not contain a web or email address';
  const domain = DOMAIN_LIKE.exec(name);
  if (domain) {
    const labels = domain[0].split('.');
    if (!labels.every((label) => ALLOWED_DOTS.test(label)))
      return `must not contain a web address ("${domain[0]}"); write the organization's name`;
  }
  if (SPACED_DOMAIN.test(name)) return "must not contain a web address; write the organization's name";
  if (/[<>]/.test(name)) return 'must not contain < or >';
  return undefined;
}
