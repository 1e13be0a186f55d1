import type { AtsProvider } from '../db/schema';
import { ashby } from './ashby/adapter';
import { greenhouse } from './greenhouse/adapter';
import { lever } from './lever/adapter';
import type { AtsAdapter } from './provider';

/** Every ATS Debrief connects to, by its provider key. */
export const ADAPTERS: Partial<Record<AtsProvider, AtsAdapter>> = { greenhouse, lever, ashby };

export function adapterFor(provider: AtsProvider): AtsAdapter {
  const adapter = ADAPTERS[provider];
  if (!adapter) throw new Error(`No adapter for ${provider}`);
  return adapter;
}
