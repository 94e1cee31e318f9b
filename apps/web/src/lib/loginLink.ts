// Login CSRF: opening someone else's sign-in link must not silently switch the account this browser is
// signed in to. Before using a link, the sign-in page compares whose link it is with who is signed in.

export interface Person {
  id: string;
  display_name: string;
}

/** What to do with a sign-in link: use it, do nothing (it is ours and we are in), or ask first. */
export type LinkDecision = "sign-in" | "already-signed-in" | "ask";

export function decideLink(linkFor: Person, signedInAs: Person | null): LinkDecision {
  if (!signedInAs) return "sign-in";
  return signedInAs.id === linkFor.id ? "already-signed-in" : "ask";
}

/** The question, in words: "This link signs you in as X. You are signed in as Y." */
export function switchQuestion(
  linkFor: Person,
  email: string | undefined,
  signedInAs: Person,
): string {
  const who = email ? `${linkFor.display_name} (${email})` : linkFor.display_name;
  return `This link signs you in as ${who}. You are signed in as ${signedInAs.display_name}.`;
}
