// The engine's context analysis as a class, beyond any one rule: names that are also trigger words, and what counts as
// observed behaviour that clears a personality label.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker';

const categories = (text: string, mode: 'feedback' | 'request' = 'feedback') =>
  check(text, { mode })
    .filter((f) => f.text !== '')
    .map((f) => f.category);

describe('a name that is also a trigger word is a name', () => {
  it.each([
    'Dear Sue,\nThank you for letting me know.',
    'Thanks, Sue',
    'Thank you, Sue. Could you share one or two pointers?',
    'Sue Chen here. Thank you for the interview.',
    'Hi Sue, thank you for the call.',
    'Best regards,\nSue',
    'Sue, thank you for your time.',
    'Dear Ms Bias, thank you for your time.',
  ])('request: %s', (text) => {
    expect(categories(text, 'request')).not.toContain('hostile');
  });

  it.each(['I will sue.', "I'm going to sue you.", 'I will sue the company.', 'Thanks. I WILL SUE.'])(
    'the threat still fires: %s',
    (text) => {
      expect(categories(text, 'request')).toContain('hostile');
    },
  );

  it.each([
    'Dr Young asked about the cache and you answered with numbers.',
    'Mark Young, the hiring manager, ran the design round.',
    'This is Christian, our lead, who ran the design round.',
    'Jordan joined the panel for the last round.',
    'Israel asked about the queue and you answered clearly.',
    'Mr Black asked about the deployment pipeline.',
  ])('feedback: %s', (text) => {
    expect(categories(text)).toEqual([]);
  });

  it.each([
    'He is from Jordan.',
    "He's a devout Christian.",
    'Mark Young thought she was too old for the role.',
    'We wanted someone younger.',
  ])('the characteristic still fires: %s', (text) => {
    expect(categories(text)).toContain('protected');
  });
});

describe('a setting is not evidence of behaviour; an observed act is', () => {
  it.each([
    'You were abrasive in the design discussion.',
    'He was arrogant during the interview.',
    'She was condescending at times.',
    'You were rude with the panel.',
    'He was dismissive when asked about his last job.',
    'She was condescending with the panel in particular.',
    'As I said, he was arrogant.',
  ])('flags: %s', (text) => {
    expect(categories(text)).toContain('personality');
  });

  it.each([
    "You were abrasive: you dismissed the reviewer's question without answering it.",
    'He was rude and interrupted the interviewer.',
    'She was dismissive and blamed the junior engineer twice.',
    'He was condescending: he said "that is obviously wrong" and did not explain.',
    'You were arrogant four times in one answer.',
  ])('clears: %s', (text) => {
    expect(categories(text)).not.toContain('personality');
  });
});

describe('one clause can carry two kinds of risk', () => {
  it.each([
    ['Does not fit our Company Values.', ['proxy', 'vague']],
    ["Honestly, he's not a culture fit.", ['proxy', 'vague']],
    [
      "We've decided to move forward with candidates whose experience is a better match for our team culture.",
      ['comparison', 'proxy'],
    ],
  ])('%s', (text, expected) => {
    expect(new Set(categories(text))).toEqual(new Set(expected));
  });

  it.each([
    ['Clearly a digital immigrant, struggled with Slack.', 'protected'],
    ['Seems like the type to prioritise her family.', 'protected'],
  ])('a characteristic inside a proxy is not reported again: %s', (text, absent) => {
    expect(categories(text)).not.toContain(absent);
  });

  it('the same category is reported once for overlapping phrases', () => {
    const found = check('Not a culture fit.').filter((f) => f.category === 'proxy');
    expect(found).toHaveLength(1);
  });
});

describe("a judgment reported in someone's words is not behaviour that clears it", () => {
  it.each([
    'The manager told her she was too aggressive.',
    'He said she seemed arrogant.',
    'The supervisor wrote that he was lazy and unreliable.',
    'My interviewer said I seemed nervous.',
    'They told me I lacked confidence.',
    'The manager said, "She\'s too emotional."',
    'He called her "abrasive" in the write-up.',
    'According to the complaint, the supervisor described her as “difficult” and “bossy.”',
  ])('%s', (text) => {
    expect(categories(text)).toContain('personality');
  });

  it.each([
    'She was defensive when asked about the outage, and said it was the network team’s fault twice.',
    'He said the outage was the network team’s fault and was defensive about it.',
  ])('what the candidate said still clears it: %s', (text) => {
    expect(categories(text)).not.toContain('personality');
  });
});

describe('a verdict given as the reason is not cleared by the word that gives it', () => {
  it.each([
    'He was rejected because he was not a good fit.',
    "We decided not to proceed since you weren't quite what we were looking for.",
    'We are not moving forward because your interview was weak.',
  ])('%s', (text) => {
    expect(categories(text)).toContain('vague');
  });

  it.each([
    "Because you couldn't explain the rollback, your interview was weak on operations.",
    'Your interview was weak because you could not explain the retry logic.',
    'Not the right fit for the on-call role, because you had never carried a pager.',
  ])('a reason for the verdict still clears it: %s', (text) => {
    expect(categories(text)).not.toContain('vague');
  });
});
