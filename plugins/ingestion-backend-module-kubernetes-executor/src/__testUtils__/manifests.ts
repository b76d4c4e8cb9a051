import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { KubernetesObject } from '../kubernetes/KubernetesObject';

/**
 * The objects of a YAML manifest, with names replaced (`renames`: old name -> new name, wherever a value equals
 * it exactly), so a test applies the committed manifest into namespaces of its own.
 */
export function readManifest(
  file: string,
  renames: Record<string, string>,
): KubernetesObject[] {
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return renames[value] ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, rename(v)]),
      );
    }
    return value;
  };
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS())
    .filter(Boolean)
    .map(object => rename(object) as KubernetesObject);
}
