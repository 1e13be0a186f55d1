// What to practise for a gap: a library of pointers by skill family (analysis and statistics, programming, system
// design, writing, presenting, stakeholder work, leadership, sales, customer work, clinical care, teaching, finance,
// design, domain knowledge and more), matched from the criterion's name, then its description. Each pointer names a
// concrete exercise or kind of resource, about practice and observable work, never about personality, in short
// sentences a candidate reads once and can act on. The table is data: add a family by adding an entry.
// Pure: no I/O, browser-safe.

/** An exercise for one part of a family's skill, chosen when the criterion's name or description matches `when`. */
export interface Exercise {
  when: RegExp;
  text: string;
  short: string;
}

export interface SkillFamily {
  /** A stable id, for tests and for the reviewer ("why this pointer"). */
  id: string;
  /** What the family covers, for the reviewer. */
  label: string;
  /** Tested (case-insensitively) against the criterion's name, then against its description. */
  match: RegExp;
  /**
   * The exercises, each in one or two short sentences that open with an imperative ("Take a small public data set ...").
   * `{x}` stands for what a rule captured (the tool in "experience with Kubernetes"), when it captures. The first
   * is used for the first gap of the family, the next for a second gap of the same family, so a letter never gives
   * the same exercise twice.
   */
  practise: readonly (string | Exercise)[];
  /** The same as a short -ing phrase, for a screen's one-sentence pointer ("writing up a small analysis ..."). */
  short: string;
  /** Words at least one of which every pointer of the family contains: how tests tell a pointer is specific. */
  marks: RegExp;
}

export const SKILL_FAMILIES: readonly SkillFamily[] = [
  {
    id: 'experience-with',
    label: 'Hands-on experience with a named tool',
    match: /\bexperience (?:with|in|of|using) ([a-z0-9][a-z0-9 .+#/-]{0,40}?)(?:[,;.(]|$)/i,
    practise: [
      'Build something small with {x}, for example through a course with practical work or a task at your current job. ' +
        'Then write a short note on what you built and what you learned.',
      'Find a short guided course on {x} with practical work, and build one small thing with it from start to finish. ' +
        'Keep notes on the problems you hit, so you can describe them in an interview.',
    ],
    short: 'building a small project with {x}',
    marks: /\bbuil[dt]\b/i,
  },
  {
    id: 'qualification',
    label: 'A required qualification',
    match: /\bqualification|\bcertific|\bdegree\b|\blicen[cs]e\b|\bregistration\b|\baccredit/i,
    practise: [
      'Check the exact qualification this role lists and the route to gaining it, such as a course or an exam. ' +
        'Once you hold it, state it at the top of your application.',
      'Ask the body that awards the qualification which route suits your background, and plan the dates for it. ' +
        'Mention the planned date in your next application if the role allows it.',
    ],
    short: 'checking how to gain the qualification the role lists',
    marks: /\bqualification\b/i,
  },
  {
    id: 'statistics',
    label: 'Analysis and statistics',
    match:
      /\bstatistic|\banalytic(?:s|al)? (?:reasoning|skills?|thinking)\b|\bdata analysis\b|\bquantitative\b|\bexperiment(?:s|ation|al design)?\b|\ba\/b\b|\bregression\b|\bprobabilit|\buncertaint|\bhypothes[ie]s\b|\bsignifican(?:ce|t)\b/i,
    practise: [
      'Take a small public data set, ask one question of it and pick a test that answers it. ' +
        'Write a few lines on why that test fits, what the result shows and what it cannot tell you.',
      'Pick a published study or an A/B test write-up and check its method: the sample, the test used and how sure it can be. ' +
        'Then explain in plain words what the result does and does not show.',
    ],
    short: 'a small analysis of a public data set, with your choice of test',
    marks: /\b(?:data set|test|analysis)\b/i,
  },
  {
    id: 'data-and-sql',
    label: 'Queries, spreadsheets and reporting',
    match:
      /\bsql\b|\bquer(?:y|ies|ying)\b|\bdata model|\bspreadsheets?\b|\bexcel\b|\bdashboards?\b|\bdatabases?\b/i,
    practise: [
      'Write queries against a sample database with a few linked tables. ' +
        'Check each answer against a count you can work out another way, and look for missing or doubled rows.',
      'Take a spreadsheet you use and rebuild one of its reports as a query. ' +
        'Compare the totals row by row until both agree, and note every case where they did not.',
    ],
    short: 'writing queries against a sample database',
    marks: /\b(?:quer(?:y|ies)|database|rows)\b/i,
  },
  {
    id: 'system-design',
    label: 'System design and architecture',
    match: /\bsystems? design\b|\barchitect|\bscalab|\bdistributed\b|\binfrastructure\b|\breliability\b/i,
    practise: [
      'Pick a service you use every day and design it on paper: its parts, how data moves between them and what happens when one part fails. ' +
        'Then explain each trade-off out loud in ten minutes.',
      'Read two or three public write-ups of outages and, for each, sketch the design and the point where it broke. ' +
        'Then say what you would have changed and what that change would cost.',
    ],
    short: 'designing a familiar service on paper, failures included',
    marks: /\b(?:design|service|trade-off)\b/i,
  },
  {
    id: 'testing',
    label: 'Testing and quality',
    match: /\btest(?:s|ing)?\b|\bquality assurance\b|\bqa\b|\bdebugg|\btroubleshoot/i,
    practise: [
      {
        when: /\bdebugg|\btroubleshoot|\broot cause\b|\bfailures?\b/i,
        text:
          'Ask a friend to break a small program of yours in three ways, then find each fault. ' +
          'Read the error and the logs first, write down your guess and test it before you change any code.',
        short: 'finding faults a friend hides in a small program of yours',
      },
      'In your next small project, write the tests before the code, including the empty, wrong and failing cases. ' +
        'Be ready to say how you chose what to test.',
      'Take a small piece of code you wrote and list every way it could fail. ' +
        'Write a test for each, and fix what the tests find.',
    ],
    short: 'writing tests first in a small project',
    marks: /\btests?\b/i,
  },
  {
    id: 'programming',
    label: 'Programming',
    match:
      /\bcod(?:e|ing)\b|\bprogramming\b|\balgorithm|\bdata structures?\b|\bsoftware\b|\bpython\b|\bjava(?:script)?\b|\btypescript\b|\bgo(?:lang)?\b|\brust\b|\bc\+\+|\bc#|\bruby\b|\bkotlin\b|\bswift\b|\bfront[- ]?end\b|\bback[- ]?end\b|\bapi\b/i,
    practise: [
      'Solve one timed coding exercise a day in the language you know best, and talk through your plan before you type. ' +
        'Afterwards, say how fast it runs and how you would test it.',
      'Rebuild a small tool you use, such as a to-do list or a file renamer, in the language you know best. ' +
        'Ask someone to review the code, and explain each choice you made.',
    ],
    short: 'a short timed coding exercise each day, said out loud',
    marks: /\bcod(?:e|ing)\b/i,
  },
  {
    id: 'teaching',
    label: 'Teaching',
    match:
      /\bteach(?:ing)?\b|\blessons?\b|\bclassroom\b|\bcurriculum\b|\bpupils?\b|\bstudents?\b|\blearners?\b|\bpedagog|\bbehaviou?r management\b|\bdifferentiat|\bsafeguarding pupils\b/i,
    practise: [
      {
        when: /\bbehaviou?r\b|\bdisrupt/i,
        text:
          'Write down your routines for the first five minutes of a lesson and for a pupil who disrupts it. ' +
          'Then watch a colleague with strong routines and note three things you could copy.',
        short: 'writing routines for the start of a lesson',
      },
      {
        when: /\bassess|\bunderstanding\b|\bfeedback\b/i,
        text:
          'Plan three quick checks of understanding for one lesson, such as mini whiteboards or an exit ticket. ' +
          'Decide in advance what you will do if half the class gets one wrong.',
        short: 'planning quick checks of understanding for one lesson',
      },
      {
        when: /\bsubject\b|\bcurriculum\b|\bknowledge\b/i,
        text:
          'Go through the specification for one topic you would teach and list the mistakes pupils often make in it. ' +
          'Then plan how one lesson would deal with each.',
        short: 'planning a lesson around the mistakes pupils often make',
      },
      'Plan one lesson for a class of mixed ability, with a clear aim, a check of what pupils already know and one task for those who finish early. ' +
        'If you can, teach it to a colleague and ask what they would change.',
      'Record part of a lesson, with permission, and watch how you check that pupils understand. ' +
        'Pick one change, such as more open questions, and try it in your next lesson.',
    ],
    short: 'planning one lesson for a mixed-ability class',
    marks: /\blesson\b/i,
  },
  {
    id: 'clinical-care',
    label: 'Nursing and clinical care',
    match:
      /\bnurs(?:e|es|ing)\b|\bclinical\b|\bpatients?\b|\bmedicat|\btriage\b|\bcare plan|\bward\b|\binfection\b|\bvital signs\b|\bdeteriorat|\bsafeguarding\b|\bescalat(?:e|ion) of care\b|\bnews2?\b|\bhandover\b/i,
    practise: [
      {
        when: /\bmedic|\bdrugs?\b|\bdos(?:e|es|age)\b/i,
        text:
          'Work through the checks for five common medicines on your ward: the right patient, medicine, dose, route and time. ' +
          'Then practise a double check aloud with a colleague.',
        short: 'practising the five medicine checks aloud',
      },
      {
        when: /\binfection|\bhygiene\b|\bisolation\b/i,
        text:
          'Read your local infection control policy and pick three common cases, such as a patient who needs isolation. ' +
          'For each, say which protective equipment, cleaning and hand hygiene steps apply, and why.',
        short: 'talking through infection control for a few patient cases',
      },
      {
        when: /\bhandovers?\b|\bsbar\b/i,
        text:
          'Practise a two-minute SBAR handover for two patients you have cared for, with no names. ' +
          'Ask a colleague to repeat back the key points, and note what they missed.',
        short: 'a two-minute SBAR handover for a patient you know',
      },
      {
        when: /\bcommunicat|\bexplain|\bfamil(?:y|ies)\b/i,
        text:
          'Practise explaining a common procedure or a discharge plan to a friend in simple terms. ' +
          'Then ask them to tell it back to you as if they were the patient, and note where it went wrong.',
        short: 'explaining a discharge plan to a friend and asking them to repeat it',
      },
      'Work through a few written patient cases, such as a patient whose condition is getting worse. ' +
        'For each, say what you would check, what you would do first and when you would escalate, then compare your answer with your local guidance.',
      'Pick three common medicines on your ward and, for each, write the checks you make before, during and after giving it. ' +
        'Go through them with a senior colleague or a practice educator.',
    ],
    short: 'working through patient cases and when to escalate',
    marks: /\b(?:patients?|ward|medicines?)\b/i,
  },
  {
    id: 'sales',
    label: 'Sales',
    match:
      /\bsales?\b|\bselling\b|\bprospect|\bpipeline\b|\bquota\b|\bnegotiat|\bobjection|\bdiscovery\b|\bpitch|\bclosing\b|\bdeals?\b|\blead generation\b|\bcold (?:call|email)/i,
    practise: [
      {
        when: /\bnegotiat/i,
        text:
          'Role-play a negotiation with a colleague who asks for a large discount. ' +
          'Decide beforehand what you can offer instead of price, and the point where you would walk away.',
        short: 'role-playing a negotiation over a discount',
      },
      {
        when: /\bobjection/i,
        text:
          'List the five objections buyers raise most, such as price or timing, and write a short answer to each with one piece of evidence. ' +
          'Then practise them aloud with a colleague playing the buyer.',
        short: 'writing answers to the objections you hear most',
      },
      {
        when: /\bpipeline\b|\bforecast/i,
        text:
          'Take a real or sample pipeline and give each deal a next step and a date. ' +
          'Remove the deals without one, and explain your forecast to a colleague in five minutes.',
        short: 'giving each deal in a pipeline a next step and a date',
      },
      'Role-play a first sales call with a friend or colleague who plays a busy buyer. ' +
        'Open with three questions about their needs before you talk about the product, and practise answering the two objections you hear most.',
      'Write a short plan for one real target account: who buys, what problem they have and what you would ask first. ' +
        'Then role-play the first five minutes of the call with a colleague.',
    ],
    short: 'role-playing a first sales call that starts with questions',
    marks: /\b(?:sales|buyers?|call|negotiation|discount|objections?|deals?|pipeline)\b/i,
  },
  {
    id: 'customer-work',
    label: 'Customer work and service',
    match:
      /\bcustomers?\b|\bclients?\b|\bcustomer service\b|\bsupport\b|\bcomplaints?\b|\bde-?escalat|\baccount management\b|\bservice\b/i,
    practise: [
      'Take three real complaints, for example from public reviews, and write the reply you would send to each. ' +
        'Name the problem in the customer’s words, say what you will do and by when, and keep each reply short.',
      'Role-play a call with an upset customer, with a friend playing the customer. ' +
        'Practise naming the problem back to them, saying what happens next and by when, and closing the call with a clear next step.',
    ],
    short: 'writing replies to a few real complaints',
    marks: /\b(?:customer|complaints?|reply)\b/i,
  },
  {
    id: 'finance',
    label: 'Finance and accounting',
    match:
      /\bfinanc|\baccounting\b|\baccounts\b|\bbudget|\breconcil|\bledger\b|\baudit|\bvaluation\b|\bfinancial model|\btax\b|\bifrs\b|\bgaap\b|\bcash ?flow\b|\bbookkeeping\b|\bpayroll\b/i,
    practise: [
      {
        when: /\bbudget|\bforecast|\bvarian/i,
        text:
          'Take a published budget, such as a council’s or a charity’s, and compare it with the actual results. ' +
          'Write a short note on the three largest differences and what caused them.',
        short: 'comparing a published budget with its actual results',
      },
      'Take the published accounts of one listed company and build a simple three-year model from them. ' +
        'Check that the sheets balance, and write three lines on what drives the result.',
      'Take one month of a small set of accounts and reconcile it by hand against the bank statement. ' +
        'Write down each difference you find and how you would explain it to a manager.',
    ],
    short: 'building a simple model from one company’s accounts',
    marks: /\b(?:accounts|model|budget)\b/i,
  },
  {
    id: 'design',
    label: 'Product and visual design',
    match:
      /\bux\b|\bui\b|\buser experience\b|\buser research\b|\bprototyp|\bvisual\b|\btypograph|\bfigma\b|\binteraction design\b|\bproduct design\b|\bgraphic design\b|\busability\b|\bdesign (?:craft|thinking|skills?|process)\b|^design$/i,
    practise: [
      {
        when: /\bresearch|\bstud(?:y|ies)\b|\binterview/i,
        text:
          'Plan a small study about an app you use: who to talk to, five open questions and what would change your mind. ' +
          'Run it with three people and write up what you learned.',
        short: 'a small study with three people about an app you use',
      },
      {
        when: /\bvisual\b|\btypograph|\blayout|\bcolou?r/i,
        text:
          'Redesign one busy screen with a simple type scale and spacing grid. ' +
          'Put it beside the original and note each change and why you made it.',
        short: 'redesigning one busy screen with a simple grid',
      },
      {
        when: /\bprototyp/i,
        text:
          'Build a clickable prototype of one user flow in an afternoon, then test it with two or three people. ' +
          'Note where they got stuck and change it the same day.',
        short: 'a quick prototype of one flow, tested with a few people',
      },
      'Pick one screen of an app you use and redesign it for a clear user goal. ' +
        'Show two versions, test each with two or three people and write down what you changed and why.',
      'Run three short usability tests of a product you like, with people who have not used it. ' +
        'Write down where each person got stuck, and sketch one change for each problem.',
    ],
    short: 'redesigning one screen of an app and testing it with people',
    marks: /\b(?:screen|redesign|users?|people)\b/i,
  },
  {
    id: 'writing',
    label: 'Written communication',
    match: /\bwrit(?:e|ten|ing)\b|\bdocumentation\b|\bcopy(?:writing)?\b|\breports?\b|\bemails?\b/i,
    practise: [
      'Write a one-page summary of a recent piece of work, with the main point in the first two lines. ' +
        'Ask someone whose writing you trust to mark what was unclear, then cut it by a third.',
      'Rewrite a long email or report you sent recently in half the words, with the request or the decision in the first line. ' +
        'Read it aloud to find the sentences that are hard to follow.',
    ],
    short: 'writing one-page summaries with the main point first',
    marks: /\b(?:write|rewrite|summary|page|words)\b/i,
  },
  {
    id: 'presenting',
    label: 'Presenting and explaining',
    match:
      /\bverbal\b|\bpresent(?:ation|ations|ing)?\b|\bspoken\b|\bpublic speaking\b|\bcommunicat|\bexplain(?:ing)?\b|\bstorytelling\b/i,
    practise: [
      'Explain a recent piece of your work in two minutes: the problem, what you did and the result. ' +
        'Record it, watch it back, and then take questions from someone outside your field.',
      'Give a five-minute talk on a topic from your work to a small group, with three slides at most. ' +
        'Ask them to tell you the one point they remember, and check it matches the one you meant.',
    ],
    short: 'explaining a recent piece of work in two minutes',
    marks: /\b(?:explain|minutes?|record|talk)\b/i,
  },
  {
    id: 'stakeholder-work',
    label: 'Stakeholder work',
    match:
      /\bstakeholder|\bcross[- ]functional\b|\binfluenc|\bpartner(?:s|ing|ship)\b|\bbuy-in\b|\balignment\b/i,
    practise: [
      'Prepare two short stories where people with different goals reached a decision with your help. ' +
        'For each, say how you learned what each side needed, how you handled the disagreement and what was decided.',
      'Map the people with a stake in one project you know: what each needs, what each fears and how you keep them informed. ' +
        'Be ready to talk through that map with a real example.',
    ],
    short: 'preparing two stories of helping people agree',
    marks: /\b(?:stories|disagreement|sides?|stake)\b/i,
  },
  {
    id: 'leadership',
    label: 'Leadership and management',
    match:
      /\bleader(?:ship)?\b|\bleading\b|\bmentor|\bpeople[- ]management\b|\bmanag(?:ing|ement of) (?:people|a team|teams)\b|\bcoaching\b|\bdelegat/i,
    practise: [
      'Prepare two or three examples where you led a piece of work or helped others do theirs. ' +
        'For each, give the decision you made, how you made it and what changed because of it.',
      'Take on a small piece of leadership at work or outside it, such as running a meeting series or guiding a new colleague. ' +
        'Keep notes on the choices you make, so you can describe them with results.',
    ],
    short: 'preparing two examples of work you led',
    marks: /\b(?:led|examples|leadership)\b/i,
  },
  {
    id: 'planning',
    label: 'Planning and organisation',
    match:
      /\bproject management\b|\bplanning\b|\borgani[sz]ation(?:al)?\b|\bprioriti[sz]|\btime management\b|\bdeadlines?\b|\bdelivery\b|\broadmap/i,
    practise: [
      'Take a project you know well and write its plan on one page: the steps, who does what, the dates and the two biggest risks. ' +
        'Then say what you would drop first if time ran short.',
      'Plan your next two weeks of work with a written list of priorities, and review it each Friday. ' +
        'Note what slipped and why, so you can describe how you plan with real examples.',
    ],
    short: 'a one-page plan for a project you know',
    marks: /\bplan\b/i,
  },
  {
    id: 'attention-to-detail',
    label: 'Attention to detail',
    match:
      /\battention to detail\b|\bdetail[- ]oriented\b|\baccura(?:cy|te)\b|\bproofread|\bprecision\b|\berror[- ]free\b/i,
    practise: [
      'Before you send any piece of work, check it once more against the brief: names, numbers and format. ' +
        'Keep a short list of the mistakes you make most and look for those first.',
      'Swap a piece of work with a colleague and check each other’s figures, names and format against the source. ' +
        'Count what you each found, and repeat until you find nothing new.',
    ],
    short: 'checking each piece of work against the brief',
    marks: /\b(?:check|mistakes)\b/i,
  },
  {
    id: 'problem-solving',
    label: 'Problem solving',
    match: /\bproblem[- ]solving\b|\banalytic|\breasoning\b|\bcritical thinking\b|\bjudg(?:e)?ment\b/i,
    practise: [
      'Work through a few unfamiliar problems out loud, such as estimation or case questions. ' +
        'Ask clarifying questions, state your assumptions, try a simple approach first and check your answer before you refine it.',
      'Take a problem you solved at work and write down each step: what you knew, what you assumed and how you checked the answer. ' +
        'Practise telling it in three minutes.',
    ],
    short: 'working through unfamiliar problems out loud',
    marks: /\bproblems?\b/i,
  },
  {
    id: 'domain-knowledge',
    label: 'Domain knowledge',
    match:
      /\bdomain\b|\bindustry\b|\bproduct knowledge\b|\bproducts?\b|\bproduct line\b|\bmarket\b|\bregulat|\bsector\b|\blogistics\b|\bcompliance\b/i,
    practise: [
      'Read the trade press of this field for a few weeks and keep notes on its main products, customers and rules. ' +
        'Then link each of your own projects to one of them, with an example you could give in an interview.',
      'Follow two or three companies in this field for a month: their products, customers and the rules they work under. ' +
        'Prepare one example of how your own experience would apply there.',
    ],
    short: 'reading the trade press of this field',
    marks: /\b(?:field|trade press)\b/i,
  },
  {
    id: 'teamwork',
    label: 'Teamwork',
    match: /\bteam ?work\b|\bcollaborat|\bworking with others\b/i,
    practise: [
      'Prepare two examples of shared work: what you took on, how you kept others informed and how you handled a point where you disagreed.',
      'Ask a past teammate what helped them most when working with you, and what did not. ' +
        'Pick one habit to change, and prepare an example of shared work that shows it.',
    ],
    short: 'preparing two examples of shared work',
    marks: /\bshared work\b/i,
  },
];

/** The fallback: practice built around the criterion itself. `{name}` is the criterion's name as it reads inline. */
export const GENERIC_FAMILY: SkillFamily = {
  id: 'generic',
  label: 'Any other skill',
  match: /$^/,
  practise: [
    'Choose one piece of your own work that shows {name}, and practise describing it in two minutes: the situation, what you did and the result. ' +
      'Then ask someone who does this job what they would expect to hear.',
    'Ask someone who does this kind of job what good {name} looks like, and ask for one example. ' +
      'Then prepare an example of your own work to set beside it.',
  ],
  short: 'preparing one example of your work that shows {name}',
  marks: /\bexample|work that shows\b/i,
};

export interface Pointer {
  /** The family's id ('generic' when none matched). */
  ruleId: string;
  /** One or two sentences, opening with an imperative. */
  text: string;
  /** The same as a short -ing phrase. */
  short: string;
}

function fill(template: string, captured: string | undefined, name: string): string {
  return template.replaceAll('{x}', captured ?? 'the tools this role uses').replaceAll('{name}', name);
}

/** The skill family a criterion belongs to: the first family matching its name, else its description. */
export function familyFor(
  name: string,
  description: string | null,
): { family: SkillFamily; captured?: string } {
  for (const field of [name, description ?? '']) {
    if (!field.trim()) continue;
    for (const family of SKILL_FAMILIES) {
      const m = family.match.exec(field);
      if (m) {
        const captured = m[1]?.trim();
        return captured ? { family, captured } : { family };
      }
    }
  }
  return { family: GENERIC_FAMILY };
}

/**
 * The pointer for a criterion. `inline` is the criterion's name as it reads inside a sentence (used by the generic
 * pointer). `used` holds the exercises a letter has already given ("family:index"), so a second gap of the same
 * family gets another one: first an exercise for the part of the skill the criterion names, then the family's
 * general ones in order, then the generic ones. The pointer's exercise is added to `used`.
 */
export function pointerFor(
  name: string,
  description: string | null,
  inline: string = name,
  used: Set<string> = new Set(),
): Pointer {
  const { family, captured } = familyFor(name, description);
  const text = `${name} ${description ?? ''}`;
  const free = family.practise
    .map((exercise, index) => ({ exercise, index }))
    .filter(({ index }) => !used.has(`${family.id}:${index}`));
  const chosen =
    free.find(({ exercise }) => typeof exercise !== 'string' && exercise.when.test(text)) ??
    free.find(({ exercise }) => typeof exercise === 'string');
  if (!chosen) {
    if (family !== GENERIC_FAMILY) return pointerFor('', null, inline, used);
    // Every exercise given: the generic ones again, which name the criterion, so they still differ.
    const again = GENERIC_FAMILY.practise[0];
    return {
      ruleId: GENERIC_FAMILY.id,
      text: fill(typeof again === 'string' ? again : (again?.text ?? ''), undefined, inline),
      short: fill(GENERIC_FAMILY.short, undefined, inline),
    };
  }
  used.add(`${family.id}:${chosen.index}`);
  const { exercise } = chosen;
  return {
    ruleId: family.id,
    text: fill(typeof exercise === 'string' ? exercise : exercise.text, captured, inline),
    short: fill(typeof exercise === 'string' ? family.short : exercise.short, captured, inline),
  };
}

function plain(f: SkillFamily): string {
  return f.practise.find((x): x is string => typeof x === 'string') ?? '';
}

/** Kept for callers of the earlier table: every family as a rule with its general pointer text. */
export const POINTER_RULES = SKILL_FAMILIES.map((f) => ({
  id: f.id,
  match: f.match,
  pointer: (captured: string | undefined) => fill(plain(f), captured, 'this skill'),
}));

/** Verbs an organization's own pointer may open with, so it reads on after "To practise," in lower case. */
const IMPERATIVES = new Set(
  (
    'aim analyse analyze ask attend build check choose compare complete consider contribute design do draft enrol ' +
    'enroll explain explore find focus follow get give go join keep lead learn list listen look make map mentor ' +
    'note pair pick plan practise practice prepare present read record rehearse review revisit run set shadow ' +
    'sketch solve spend start study summarise summarize take teach time try use volunteer watch work write'
  ).split(' '),
);

/** The organization's own pointer for a criterion, as the letter says it. */
export interface OwnPointer {
  /** Under a gap: "To practise, work through …" or, for text that opens otherwise, "To practise: Our course …". */
  text: string;
  /** A screen's one sentence: "The main gap was statistics; before you apply again, work through …". */
  screen(inline: string): string;
}

/**
 * An organization's own pointer for a criterion ("Work through the statistics unit of our course."), read into the
 * letter's words. Text that opens with a verb continues "To practise, …" in lower case; other text ("Our team blog
 * has …") is kept as written after a colon, so a name is never lower-cased. A screen's letter takes its first
 * sentence only.
 */
export function ownPointer(practise: string): OwnPointer {
  const text = practise
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:]+$/, '');
  const first = /^([A-Z][a-z]+)\b/.exec(text)?.[1];
  const flows = first !== undefined && IMPERATIVES.has(first.toLowerCase());
  const said = flows ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
  const whole = /[.!?]["'”’)\]]*$/.test(said) ? said : `${said}.`;
  const firstSentence = /^(.*?[.!?]["'”’)\]]*)(?:\s+[A-Z"'“‘(]|$)/.exec(whole)?.[1] ?? whole;
  return {
    text: flows ? `To practise, ${whole}` : `To practise: ${whole}`,
    screen: (inline) =>
      flows
        ? `The main gap was ${inline}; before you apply again, ${firstSentence}`
        : `The main gap was ${inline}; before you apply again: ${firstSentence}`,
  };
}
