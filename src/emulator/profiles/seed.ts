import { arr, obj, SeedError, text, optText, visibility } from "../core/seed-fields";
import { EVERYTHING_VISIBLE, type DomainState, type EmulatorState } from "../state";
import { FilingError, fileProfileObject, findObjectType } from "./store";

/**
 * The seed's `customerProfiles` part: its domains, with their object types, profiles and objects,
 * loaded at `now` (the time `visibleAfterMs` counts from).
 */
export function customerProfilesFromSeed(
  raw: unknown,
  region: string,
  now: number,
): EmulatorState["customerProfiles"] {
  const profiles = raw === undefined ? {} : obj(raw, "customerProfiles");
  const domains = arr(profiles["domains"], "customerProfiles.domains").map((d, i) =>
    domainFromSeed(d, `customerProfiles.domains[${i}]`, region, now),
  );
  return { domains };
}

function domainFromSeed(raw: unknown, where: string, defaultRegion: string, now: number): DomainState {
  const o = obj(raw, where);
  const visible = visibility(o, where, now);
  const domain: DomainState = {
    name: text(o["name"], `${where}.name`),
    region: optText(o["region"], `${where}.region`) ?? defaultRegion,
    createdAt: visible.visibleFrom ?? now,
    ...visible,
    objectTypes: arr(o["objectTypes"], `${where}.objectTypes`).map((e, j) => {
      const w = `${where}.objectTypes[${j}]`;
      const eo = obj(e, w);
      return {
        name: text(eo["name"], `${w}.name`),
        profileKeyField: text(eo["profileKeyField"], `${w}.profileKeyField`),
        uniqueKeyField: text(eo["uniqueKeyField"], `${w}.uniqueKeyField`),
        ...visibility(eo, w, now),
      };
    }),
    profiles: [],
  };
  const seeded = arr(o["profiles"], `${where}.profiles`).map((e, j) => {
    const w = `${where}.profiles[${j}]`;
    const eo = obj(e, w);
    const id = text(eo["id"], `${w}.id`);
    domain.profiles.push({ id, objects: [], ...visibility(eo, w, now) });
    return { id, objects: arr(eo["objects"], `${w}.objects`), where: w };
  });
  // Every profile exists before any object is filed, through the same logic as PutProfileObject.
  for (const p of seeded)
    p.objects.forEach((e, k) => seedObject(domain, p.id, e, `${p.where}.objects[${k}]`));
  return domain;
}

/**
 * Files one seeded object. Its profile key field may be left out (the enclosing profile's id is
 * filled in); one that names another profile is refused, since the object would not be where the
 * seed shows it.
 */
function seedObject(domain: DomainState, profileId: string, raw: unknown, where: string): void {
  const eo = obj(raw, where);
  const typeName = text(eo["objectTypeName"], `${where}.objectTypeName`);
  const object = { ...obj(eo["object"], `${where}.object`) };
  const type = findObjectType(domain, typeName, EVERYTHING_VISIBLE);
  if (!type) throw new SeedError(`seed: ${where}.objectTypeName: no object type '${typeName}' in the domain`);
  const given = object[type.profileKeyField];
  if (given === undefined) object[type.profileKeyField] = profileId;
  else if (given !== profileId)
    throw new SeedError(
      `seed: ${where}.object.${type.profileKeyField} must be the enclosing profile's id '${profileId}', got ${JSON.stringify(given)}`,
    );
  try {
    fileProfileObject(domain, typeName, object, EVERYTHING_VISIBLE);
  } catch (e) {
    if (e instanceof FilingError) throw new SeedError(`seed: ${where}: ${e.message}`);
    throw e;
  }
}
