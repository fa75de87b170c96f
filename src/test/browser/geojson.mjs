// Fetches case studies as GeoJSON (a list, searches, an export and one case study) from the API at API_URL and
// checks each with @placemarkio/check-geojson, an independent GeoJSON checker, and against RFC 7946 points it does not
// check: no crs member, [longitude, latitude] in range, the slug as id, the count of matches without coordinates.
import checkGeoJson from '@placemarkio/check-geojson';

const { getIssues } = checkGeoJson;
const API = process.env.API_URL;
if (!API) throw new Error('Set API_URL');

function check(condition, what, detail = '') {
  if (!condition) throw new Error(`FAILED: ${what}${detail ? ` (${detail})` : ''}`);
  console.log(`ok - ${what}`);
}

async function geoJson(path, accept = 'application/geo+json') {
  const response = await fetch(API + path, { headers: { Accept: accept } });
  const text = await response.text();
  check(response.status === 200, `${path}: 200`, `${response.status} ${text.slice(0, 300)}`);
  check((response.headers.get('content-type') || '').startsWith('application/geo+json'),
    `${path}: served as application/geo+json`, response.headers.get('content-type'));
  const issues = getIssues(text);
  check(issues.length === 0, `${path}: check-geojson finds no issue`, JSON.stringify(issues));
  const collection = JSON.parse(text);
  check(collection.type === 'FeatureCollection', `${path}: a FeatureCollection`);
  check(!('crs' in collection), `${path}: no crs member (RFC 7946: WGS 84 only)`);
  check(Number.isInteger(collection.withoutCoordinates) && collection.withoutCoordinates >= 0,
    `${path}: withoutCoordinates is a count`, collection.withoutCoordinates);
  for (const feature of collection.features) {
    const [lon, lat] = feature.geometry.coordinates;
    check(feature.type === 'Feature' && feature.geometry.type === 'Point' && feature.geometry.coordinates.length === 2
      && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 && !('crs' in feature),
      `${path}: ${feature.id} is a Point in range`, JSON.stringify(feature.geometry));
    check(typeof feature.id === 'string' && feature.properties.slug === feature.id, `${path}: ${feature.id} has its slug as id`);
  }
  return collection;
}

const list = await geoJson('/api/v1/case-studies?limit=100');
check(list.features.length > 0 && list.withoutCoordinates > 0, 'the list has located case studies and counts the others',
  `${list.features.length} features, ${list.withoutCoordinates} without coordinates`);
// The seed case study itself: other suites may have filled the list's first page with their own.
const bradford = (await geoJson('/api/v1/case-studies/bradford-bangladeshi-women-football')).features[0];
check(bradford && Math.abs(bradford.geometry.coordinates[0] + 1.75) < 0.1 && Math.abs(bradford.geometry.coordinates[1] - 53.79) < 0.1,
  'Bradford is at [longitude, latitude], west of Greenwich and north of 53', JSON.stringify(bradford && bradford.geometry));

// Other suites may have added case studies near Bradford to the same server: the seed's three Bradford case studies
// must come before the seed's Oldham one, 35 km away, whatever else is there.
const near = await geoJson('/api/v1/case-studies?near=53.79,-1.75&radius=100&limit=100');
const nearIds = near.features.map((feature) => feature.id);
const oldham = nearIds.indexOf('hewstone-oldham-schoolchildren-contact-study');
const bradfords = ['bradford-bangladeshi-women-football', 'bradford-mixing-pupils-from-single-group-schools',
  'bradford-remembrance-commemorations'].map((slug) => nearIds.indexOf(slug));
check(oldham > 0 && bradfords.every((index) => index >= 0 && index < oldham),
  'near Bradford: the Bradford case studies first', nearIds.join(', '));
check(near.withoutCoordinates === 0, 'near Bradford: every match has coordinates');

await geoJson('/api/v1/case-studies?q=football');
await geoJson('/api/v1/case-studies?bbox=170,-20,-170,20');
const exported = await geoJson('/api/v1/case-studies/export?format=geojson', '*/*');
const exportedIds = new Set(exported.features.map((feature) => feature.id));
check(list.features.every((feature) => exportedIds.has(feature.id)) && exported.withoutCoordinates === list.withoutCoordinates,
  'the export has the list\'s features, and the same count of matches without coordinates (of all matches, both)');
const one = await geoJson('/api/v1/case-studies/bradford-bangladeshi-women-football');
check(one.features.length === 1 && one.withoutCoordinates === 0, 'one located case study is one feature');
const unlocated = await geoJson('/api/v1/case-studies/linking-network-school-linking');
check(unlocated.features.length === 0 && unlocated.withoutCoordinates === 1, 'one case study without coordinates: none, counted');
