import { describe, expect, it } from 'vitest';
import { organizationNameProblem } from '../../src/domain/organization-name';

describe('organization names', () => {
  it.each([
    'Your Bank: verify your account at http://evil.example',
    'Acme https://acme.example',
    'Verify at www.secure-login.com',
    'paypal.com support',
    'Pay Pal . com',
    'bit.ly/abc',
    'Write to help@bank.example',
    'Acme <script>',
  ])('refuses %s', (name) => {
    expect(organizationNameProblem(name)).toBeDefined();
  });

  it.each([
    'Acme Hiring',
    'Acme Inc.',
    'A.B. Smith & Co.',
    'St. Mary’s Hospital',
    'Kinetix Ltd.',
    'O’Brien & Sons',
    'Café Über',
    'Dr. Who Ltd',
  ])('accepts %s', (name) => {
    expect(organizationNameProblem(name)).toBeUndefined();
  });
});
