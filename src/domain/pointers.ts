// One concrete, actionable next step per gap, derived from the criterion's name (then its description) through a
// small keyword table of common criteria. Every pointer is about practice and observable work, never about
// personality. Pointers are clauses that follow "To prepare for a similar role, ".
// Pure: no I/O, browser-safe.

import { inlineName, stripEnd } from './text';

export interface PointerRule {
  /** A stable id, for tests and for the reviewer ("why this pointer"). */
  id: string;
  /** Tested (case-insensitively) against the criterion name, then against its description. */
  match: RegExp;
  /** The pointer; `experience` receives the thing after "experience with/in" when the rule captures it. */
  pointer: (captured: string | undefined) => string;
}

export const POINTER_RULES: readonly PointerRule[] = [
  {
    id: 'experience-with',
    match: /\bexperience (?:with|in|of|using) ([a-z0-9][a-z0-9 .+#/-]{0,40}?)(?:[,;.(]|$)/i,
    pointer: (x) =>
      `build hands-on experience with ${x ?? 'the tools this role uses'}, for example through a project, a course ` +
      'with practical work or a task at your current job, and describe what you built and what you learned',
  },
  {
    id: 'attention-to-detail',
    match: /\battention to detail\b|\bdetail[- ]oriented\b|\baccura(?:cy|te)\b|\bproofread|\bprecision\b/i,
    pointer: () =>
      'check each piece of written work once more before you send it, comparing names, numbers and formatting ' +
      'against the brief, and keep a short list of the mistakes you tend to make so you can look for them first',
  },
  {
    id: 'written-communication',
    match: /\bwrit(?:ten|ing)\b|\bdocumentation\b|\bcopy(?:writing)?\b/i,
    pointer: () =>
      'practise writing short, structured documents such as a summary, a proposal or a status update, and ask ' +
      'someone whose writing you trust to review one for clarity and structure',
  },
  {
    id: 'verbal-communication',
    match: /\bverbal\b|\bpresent(?:ation|ations|ing)?\b|\bspoken\b|\bcommunicat/i,
    pointer: () =>
      'practise explaining a recent piece of your work in two minutes (the problem, what you did and the result), ' +
      'then answer follow-up questions on it, ideally with someone outside your field',
  },
  {
    id: 'data-and-sql',
    match: /\bsql\b|\bquer(?:y|ies)\b|\bdata model|\bspreadsheets?\b|\bexcel\b/i,
    pointer: () =>
      'practise writing queries against a realistic sample dataset, and check each result against a count you can ' +
      'verify another way, looking for duplicated, missing and unexpected rows',
  },
  {
    id: 'system-design',
    match: /\bsystems? design\b|\barchitect|\bscalab|\bdistributed\b/i,
    pointer: () =>
      'practise designing a system end to end out loud: state the requirements, sketch the components and how data ' +
      'flows between them, and explain the trade-offs of each choice you make',
  },
  {
    id: 'testing',
    match: /\btest(?:s|ing)?\b|\bquality assurance\b|\bqa\b/i,
    pointer: () =>
      'write tests alongside the code in your next project, covering edge cases and failure paths, and be ready to ' +
      'explain how you decide what to test',
  },
  {
    id: 'stakeholder-management',
    match: /\bstakeholder|\bclient|\bcustomer|\bcross[- ]functional\b/i,
    pointer: () =>
      'prepare two examples where you brought people with different goals to a decision: how you learned what each ' +
      'needed, how you handled a disagreement and what the outcome was',
  },
  {
    id: 'leadership',
    match: /\bleader(?:ship)?\b|\bleading\b|\bmentor|\bpeople management\b|\bmanaging (?:people|a team)\b/i,
    pointer: () =>
      'prepare two or three examples where you led a piece of work or helped others do theirs, with the decisions ' +
      'you made, how you made them and what changed as a result',
  },
  {
    id: 'problem-solving',
    match: /\bproblem[- ]solving\b|\banalytic|\breasoning\b|\bdebugg|\btroubleshoot/i,
    pointer: () =>
      'practise working through unfamiliar problems out loud: ask clarifying questions, state your assumptions, try ' +
      'a simple approach first and check your result before refining it',
  },
  {
    id: 'coding',
    match:
      /\bcod(?:e|ing)\b|\bprogramming\b|\btechnical\b|\balgorithm|\bdata structures?\b|\bsoftware\b|\bengineering\b/i,
    pointer: () =>
      'practise timed coding exercises in the language you know best, and talk through your reasoning, the ' +
      'complexity of your solution and how you would test it as you go',
  },
  {
    id: 'domain-knowledge',
    match: /\bdomain\b|\bindustry\b|\bproduct knowledge\b|\bmarket\b|\bregulat/i,
    pointer: () =>
      'study the field this role works in (its main products, customers and rules) and connect your own work to ' +
      'it with concrete examples in your answers',
  },
  {
    id: 'qualification',
    match: /\bqualification|\bcertific|\bdegree\b|\blicen[cs]e/i,
    pointer: () =>
      'check which qualification the role lists and the route to gaining it, and state it clearly in your ' +
      'application once you hold it',
  },
];

export interface Pointer {
  ruleId: string;
  text: string;
}

/** The pointer for a criterion: the first rule matching its name, else the first matching its description, else a generic one. */
export function pointerFor(name: string, description: string | null): Pointer {
  const fields = [name, description ?? ''];
  for (const field of fields) {
    if (!field) continue;
    for (const rule of POINTER_RULES) {
      const m = rule.match.exec(field);
      if (m) {
        const captured = m[1]?.trim();
        return { ruleId: rule.id, text: rule.pointer(captured || undefined) };
      }
    }
  }
  const what = description ? stripEnd(description) : null;
  return {
    ruleId: 'generic',
    text:
      `look again at what the role asks for in ${inlineName(name)}${what ? ` (${inlineName(what)})` : ''}, ` +
      'choose one piece of your own work that shows it, and practise describing it: the situation, what you did ' +
      'and the result',
  };
}
