import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { isMap, isSeq, parseDocument } from "yaml";
import type { Document } from "yaml";
import { IDENTITY_FILE, ORGANIZATION_FILE } from "../../config/loader/load-config";

/** The edits that make a config its emulator variant, listed in the harness report. */
export interface VariantEdit {
  readonly file: string;
  readonly path: string;
  readonly removed: unknown;
}

function removeIn(doc: Document, file: string, path: (string | number)[], edits: VariantEdit[]) {
  if (!doc.hasIn(path)) return;
  edits.push({ file, path: path.join("."), removed: doc.getIn(path) });
  doc.deleteIn(path);
}

function removeOuIds(
  doc: Document,
  file: string,
  path: (string | number)[],
  edits: VariantEdit[],
): void {
  const units = doc.getIn(path, true);
  if (!isSeq(units)) return;
  units.items.forEach((unit, index) => {
    if (!isMap(unit)) return;
    removeIn(doc, file, [...path, index, "id"], edits);
    removeOuIds(doc, file, [...path, index, "children"], edits);
  });
}

/**
 * Copies a config folder and removes every id of something that already exists in AWS (the
 * organization, OUs, accounts): the emulator can't create an account or organization with a
 * given id, so the variant creates them all, as a new organization would. Everything else, the
 * management account id included, stays as it is.
 */
export function writeEmulatorVariant(sourceDir: string, targetDir: string): VariantEdit[] {
  cpSync(sourceDir, targetDir, {
    recursive: true,
    filter: (source) => ![".ts", ".js"].includes(extname(source)),
  });
  const edits: VariantEdit[] = [];
  for (const file of readdirSync(targetDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()) {
    if (file === IDENTITY_FILE) continue;
    const path = join(targetDir, file);
    const doc = parseDocument(readFileSync(path, "utf8"));
    if (file === ORGANIZATION_FILE) {
      removeIn(doc, file, ["existingOrganizationId"], edits);
      removeOuIds(doc, file, ["organizationalUnits"], edits);
      const core = doc.get("coreAccounts", true);
      if (isMap(core))
        for (const role of core.items.map((pair) => String(pair.key)))
          removeIn(doc, file, ["coreAccounts", role, "id"], edits);
    } else {
      const accounts = doc.get("accounts", true);
      if (isSeq(accounts))
        accounts.items.forEach((_, index) => removeIn(doc, file, ["accounts", index, "id"], edits));
    }
    writeFileSync(path, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  }
  return edits;
}
