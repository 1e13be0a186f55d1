// `npm run eval:letters`: three complete letters as a candidate reads them (an engineering, a sales and a nursing
// role, final round, skills gap), composed from fixed scorecards with the default voice. The evidence is written the
// way interviewers write it: third person, shorthand, one note pasted in. What the composer does with it is the point.
import { type ComposeInput, composeFeedback, DEFAULT_REJECTION_REASONS } from '../src/domain';

const skillsGap = DEFAULT_REJECTION_REASONS.find((r) => r.code === 'skills-gap')!;

type Rating = [criterion: string, rating: 1 | 2 | 3 | 4, evidence: string];

function letter(
  organizationName: string,
  jobTitle: string,
  candidateName: string,
  criteria: [name: string, description: string][],
  cards: [interviewer: string, ratings: Rating[]][],
): ComposeInput {
  const id = (name: string) => `c-${criteria.findIndex(([n]) => n === name)}`;
  return {
    organizationName,
    jobTitle,
    candidateName,
    reason: skillsGap,
    criteria: criteria.map(([name, description]) => ({ id: id(name), name, description })),
    scorecards: cards.map(([interviewerName, ratings], i) => ({
      id: `s-${i}`,
      stage: 'final',
      interviewerName,
      ratings: ratings.map(([name, rating, evidence]) => ({ criterionId: id(name), rating, evidence })),
    })),
  };
}

export const SAMPLE_LETTERS: ComposeInput[] = [
  letter(
    'Northwind Analytics',
    'Senior Data Engineer',
    'Priya Nair',
    [
      ['Statistical reasoning', 'Chooses and explains appropriate tests; reasons about uncertainty.'],
      ['System design', 'Designs data pipelines that scale and fail safely.'],
      ['Programming', 'Writes clear, tested code.'],
    ],
    [
      [
        'Alex Kim',
        [
          [
            'Statistical reasoning',
            1,
            'Used a t-test on skewed, paired data and could not say why; no mention of effect size.',
          ],
          ['Programming', 4, 'Candidate wrote a clean, well-tested parser and explained each test.'],
        ],
      ],
      [
        'Sam Ortiz',
        [
          [
            'System design',
            2,
            'she proposed a single nightly batch job; when asked about late data, no plan for reprocessing',
          ],
          [
            'Statistical reasoning',
            2,
            'Confidence intervals explained correctly but not applied to the A/B result.',
          ],
        ],
      ],
    ],
  ),
  letter(
    'Harbour Software',
    'Account Executive',
    'Tom Becker',
    [
      ['Discovery', 'Uncovers the customer’s needs with open questions.'],
      ['Negotiation', 'Holds value under pressure on price.'],
      ['Written communication', 'Clear, concise follow-up emails.'],
    ],
    [
      [
        'Dana Lee',
        [
          [
            'Discovery',
            2,
            'In the role play he pitched features in the first two minutes, asked only closed questions.',
          ],
          ['Written communication', 4, 'Follow-up email was short, named the next step and the date.'],
        ],
      ],
      [
        'Ravi Shah',
        [
          [
            'Negotiation',
            1,
            'Offered a 20% discount at the first objection, before asking what the budget concern was.',
          ],
        ],
      ],
    ],
  ),
  letter(
    'Bluebird Health',
    'Staff Nurse',
    'Ngozi Eze',
    [
      ['Clinical judgement', 'Recognises deterioration early and escalates appropriately.'],
      ['Medication administration', 'Follows the checks for safe administration.'],
      ['Patient communication', 'Explains care in plain words and checks understanding.'],
    ],
    [
      [
        'Maria Lopez',
        [
          [
            'Clinical judgement',
            2,
            'In the scenario noticed the falling blood pressure but did not escalate until prompted.',
          ],
          [
            'Patient communication',
            4,
            'Explained the discharge plan in plain words and asked the patient to repeat it back.',
          ],
        ],
      ],
      [
        'John Reid',
        [
          ['Medication administration', 1, 'Missed the allergy check in the drug round scenario.'],
          [
            'Clinical judgement',
            2,
            'NEWS2 score: calculated correctly, unsure when to call the outreach team.',
          ],
        ],
      ],
    ],
  ),
];

for (const input of SAMPLE_LETTERS) {
  const out = composeFeedback(input);
  console.log(`=== ${input.jobTitle} at ${input.organizationName} (findings: ${out.findings.length})\n`);
  console.log(`${out.body}\n`);
}
