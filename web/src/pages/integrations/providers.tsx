import type { ReactNode } from 'react';
import type { components } from '../../api/schema.generated';

export type Provider = components['schemas']['Integration']['provider'];

/**
 * What the integrations page shows for one ATS: the fields to connect it, how to set its webhook up, the names of
 * its events. One entry per ATS Debrief connects to; the page makes one card of each.
 */
export interface ProviderCard {
  provider: Provider;
  label: string;
  apiKey: { label: string; hint: string };
  /** For an ATS that writes notes as a user Debrief names; absent where notes are written as the API key's user. */
  noteUser?: { label: string; hint: string; numeric?: boolean };
  /** How to add the webhook in the ATS, shown once connected. */
  webhookSteps: ReactNode;
  /** For an ATS that issues the webhook's secret: the field the admin pastes it into. */
  issuedSecret?: { label: string; hint: string };
  /** Debrief's secret's name in the ATS, for an ATS that takes Debrief's. */
  secretLabel?: string;
  /** The ATS's event names as the status page shows them. */
  events: Record<string, string>;
}

export const PROVIDERS: ProviderCard[] = [
  {
    provider: 'greenhouse',
    label: 'Greenhouse',
    apiKey: {
      label: 'Harvest API key',
      hint: 'Greenhouse: Configure → Dev Center → API Credential Management → Create new API key (Harvest).',
    },
    noteUser: {
      label: 'Greenhouse user id to write notes as',
      hint: "The notes Debrief adds to a candidate's activity feed are posted on behalf of this user.",
      numeric: true,
    },
    webhookSteps: (
      <>
        In Greenhouse, go to Configure → Dev Center → Webhooks and add a webhook for{' '}
        <b>Candidate or Prospect rejected</b> (and, if you like, <b>Candidate has changed stage</b>) with:
      </>
    ),
    secretLabel: 'Secret key',
    events: { reject_candidate: 'Rejected', candidate_stage_change: 'Stage changed' },
  },
  {
    provider: 'lever',
    label: 'Lever',
    apiKey: {
      label: 'Lever API key',
      hint: 'Lever: Settings → Integrations and API → API Credentials → Generate new key, with the permissions listed in the integrations guide.',
    },
    noteUser: {
      label: 'Lever user id to write notes as (optional)',
      hint: 'Notes Debrief adds to the opportunity are posted as this Lever user; left empty, as the API key.',
    },
    webhookSteps: (
      <>
        In Lever, go to Settings → Integrations and API → Webhooks. Turn on{' '}
        <b>Candidate archive state change</b> (and, if you like, <b>Candidate stage change</b>), set each
        one's URL to this endpoint, and paste each webhook's signature token below.
      </>
    ),
    issuedSecret: {
      label: 'Webhook signature tokens',
      hint: "Lever shows a signature token for each webhook (Settings → Integrations and API → Webhooks). Paste each one, one per line. Until then Lever's deliveries are refused.",
    },
    events: {
      candidateArchiveChange: 'Archived',
      candidateStageChange: 'Stage changed',
    },
  },
  {
    provider: 'ashby',
    label: 'Ashby',
    apiKey: {
      label: 'Ashby API key',
      hint: 'Ashby: Admin → Integrations → API Keys → New, with read access to candidates, jobs and interviews and write access to candidates (for the note). Notes are written as the key’s user.',
    },
    webhookSteps: (
      <>
        In Ashby, go to Admin → Integrations → Webhooks and add a webhook of type{' '}
        <b>Candidate stage change</b> (archiving an application moves it to the Archived stage) with:
      </>
    ),
    secretLabel: 'Secret token',
    events: {
      candidateStageChange: 'Stage changed',
      applicationUpdate: 'Application updated',
    },
  },
];

/** The provider's name for an event, in words. */
export function eventName(card: ProviderCard | undefined, action: string) {
  return card?.events[action] ?? action.replaceAll('_', ' ');
}
