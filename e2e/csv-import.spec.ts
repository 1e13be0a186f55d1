import { expect, test } from '@playwright/test';
import { shot, signUpTeam, unique } from './support';

// An admin brings applications from another ATS: uploads a CSV file, reads the preview with its row error, uploads the
// corrected file, confirms and watches the import's progress to its summary.

const HEADER =
  'job,candidate_name,candidate_email,stage,interviewer_email,interviewer_name,recommendation,SQL rating,SQL evidence';
const ROWS = 600;

function file(badRow: boolean) {
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const email = badRow && i === 2 ? 'not-an-email' : `c${i}@example.test`;
    lines.push(
      i % 50 === 0
        ? `Data Analyst,Candidate ${i},${email},interview,ana@example.test,Ana Ruiz,yes,3,Wrote a correct window query for case ${i}.`
        : `Data Analyst,Candidate ${i},${email},screen,,,,,`,
    );
  }
  return { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

test('a CSV file is previewed with its row errors, corrected and imported with progress', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUpTeam(page, `Importers ${unique()}`, 'Iris Okafor', `iris-${unique()}@example.test`);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import from another ATS' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the template' })).toHaveAttribute(
    'href',
    '/api/v1/imports/template.csv',
  );

  await page.getByLabel('CSV file', { exact: true }).setInputFiles(file(true));
  await expect(page.getByRole('alert')).toContainText('1 error in the file');
  const errors = page.getByRole('table', { name: 'Errors' });
  await expect(
    errors.getByRole('row', { name: /3 candidate_email "not-an-email" is not an email address/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'The first rows as they will be imported' })).toContainText(
    'Candidate 1 · c1@example.test',
  );
  await expect(page.getByRole('button', { name: /^Import \d+ rows$/ })).toHaveCount(0);
  await shot(page, 'import-preview-error');

  await page.getByLabel('CSV file', { exact: true }).setInputFiles(file(false));
  await expect(page.getByRole('table', { name: 'Errors' })).toHaveCount(0);
  await page.getByRole('button', { name: `Import ${ROWS} rows` }).click();
  await expect(
    page.getByRole('progressbar', { name: new RegExp(`\\d+ of ${ROWS} rows imported`) }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar', { name: `${ROWS} of ${ROWS} rows imported` })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(
    `${ROWS} applications added, 0 applications updated, 12 scorecards recorded, 1 job created`,
  );
  await shot(page, 'import-done');

  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Data Analyst' })).toBeVisible();
});
