import { join } from 'node:path';

export const TEMPLATE_DB = 'debrief_template';
export const templateFile = join(process.cwd(), '.test-data', 'pglite-template.tar');

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
