import { join } from 'node:path';
import type { XmlDocument } from 'libxml2-wasm';
import { xoevError } from '../xoev-error.js';
import { parseDocument } from '../xml/parse-document.js';
import { defaultXmlLimits, type XmlLimits } from '../xml/xml-limits.js';
import { CodeLists } from './code-lists.js';
import { registerXmlCatalog } from '../standards/catalog-input-provider.js';
import { loadSchemaSets } from '../standards/standards-catalogue.js';
import {
  findSchemaSet,
  schemaSets as catalogueSchemaSets,
  unknownSchemaReason,
  xoevContractsRoot,
  type SchemaSet,
} from './schema-sets.js';
import { SchematronRules, type SchematronEngine } from './schematron-rules.js';
import { describeReasons, type ValidationResult } from './validation-result.js';
import { XsdValidators } from './xsd-validators.js';

export interface XoevValidatorOptions {
  /** Folder holding the pinned schema copies; defaults to the repository's contracts/xoev/. */
  readonly contractsRoot?: string;
  readonly limits?: XmlLimits;
  /**
   * `fontoxpath` runs every Schematron pattern on node-schematron, the reference engine; the
   * default runs on libxml2 what it evaluates the same way (see NativePattern). For comparison in
   * `npm run bench`, and as a way back should a native evaluation ever be in doubt.
   */
  readonly schematronEngine?: SchematronEngine;
}

/**
 * Validates XÖV messages against the official schema set of the standards catalogue chosen by the
 * root element's namespace, `version` attribute and name: XSD first, then the Schematron rules and
 * code-list membership. Schemas are compiled on first use and kept, so create one validator per
 * process.
 */
export class XoevValidator {
  private readonly root: string;
  private readonly sets: readonly SchemaSet[];
  private readonly xsd: XsdValidators;
  private readonly schematron: SchematronRules;
  private readonly codeListsByFolder = new Map<string, CodeLists>();
  private readonly limits: XmlLimits;

  constructor(options: XoevValidatorOptions = {}) {
    this.root = options.contractsRoot ?? xoevContractsRoot;
    this.sets =
      options.contractsRoot === undefined ? catalogueSchemaSets : loadSchemaSets(this.root);
    for (const set of this.sets) if (set.catalog) registerXmlCatalog(join(this.root, set.catalog));
    this.xsd = new XsdValidators(this.root);
    this.schematron = new SchematronRules(this.root, options.schematronEngine);
    this.limits = options.limits ?? defaultXmlLimits;
  }

  /**
   * Reasons for every violation found. Throws HubError only when the text is not acceptable XML
   * (XML_*) or no schema set matches (XOEV_UNKNOWN_SCHEMA).
   */
  async validate(xml: string): Promise<ValidationResult> {
    const document = parseDocument(xml, this.limits);
    try {
      const { set, messageName } = this.schemaSetOf(document);
      const xsdReasons = this.xsd.validate(set, document);
      // Schematron and code lists assume the XSD structure; on XSD errors they add only noise.
      const reasons =
        xsdReasons.length > 0
          ? xsdReasons
          : [
              ...(await this.schematron.validate(set, xml, document, messageName)),
              ...(this.codeListsOf(set)?.validate(document) ?? []),
            ];
      return {
        valid: reasons.length === 0,
        standard: set.standard,
        schemaSet: set.name,
        messageName,
        reasons,
      };
    } finally {
      document.dispose();
    }
  }

  /** Like {@link validate}, but throws HubError XOEV_INVALID listing every reason. */
  async assertValid(xml: string): Promise<ValidationResult> {
    const result = await this.validate(xml);
    if (!result.valid) {
      throw xoevError(
        'XOEV_INVALID',
        `${result.messageName} is not valid against ${result.schemaSet}:\n${describeReasons(result.reasons)}`,
      );
    }
    return result;
  }

  /** Compiles every XSD set now (~0.5 s for all four), so that the first message is not slow. */
  private compileXsdSets(): void {
    for (const set of this.sets) {
      const probe = parseDocument(`<probe xmlns="${set.namespace}"/>`);
      try {
        this.xsd.validate(set, probe);
      } finally {
        probe.dispose();
      }
    }
  }

  /**
   * Everything the first message would otherwise pay for, done now (start-up): every XSD set, the
   * Schematron rules for each message type the catalogue says the hub handles, every pinned code
   * list. A few seconds at start instead of ~0.5 s on the first message of each type.
   */
  async prepare(): Promise<void> {
    this.compileXsdSets();
    for (const set of this.sets) {
      await this.schematron.prepare(
        set,
        set.messages
          .map((message) => message.type)
          .filter((type) => set.rootPattern?.test(type) ?? true),
      );
      this.codeListsOf(set)?.preload();
    }
  }

  dispose(): void {
    this.xsd.dispose();
    this.schematron.dispose();
  }

  private schemaSetOf(document: XmlDocument) {
    const root = document.root;
    const namespace = root.namespaceUri;
    const version = root.attr('version')?.value ?? '';
    const set = findSchemaSet(namespace, version, root.name, this.sets);
    if (!set) {
      throw xoevError(
        'XOEV_UNKNOWN_SCHEMA',
        unknownSchemaReason({ namespace, version, rootName: root.name }, this.sets),
      );
    }
    return { set, messageName: root.name };
  }

  private codeListsOf(set: SchemaSet): CodeLists | undefined {
    if (set.codeLists === undefined) return undefined;
    let lists = this.codeListsByFolder.get(set.codeLists);
    if (!lists) {
      lists = new CodeLists(join(this.root, set.codeLists));
      this.codeListsByFolder.set(set.codeLists, lists);
    }
    return lists;
  }
}
