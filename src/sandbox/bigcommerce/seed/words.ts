// Runs in: Node (simulators). Owns: the word lists the seeded generator draws names and places from,
// deliberately including non-Latin scripts, combining marks and an apostrophe.
export const FIRST_NAMES = [
  'Ana',
  'João',
  'Maria',
  'José',
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Zoë',
  'Chloé',
  'Łukasz',
  'Søren',
  'Ærin',
  'Mohammed',
  'Fatima',
  'Yuki',
  '翔太',
  '美咲',
  'Ольга',
  'Дмитрий',
  'Αλέξανδρος',
  'Ιωάννα',
  'Siobhán',
  "D'Arcy",
  'Nguyễn',
  'Björk',
  'Renée',
  'Ahmet',
  'Priya',
  'अर्जुन',
  'Chen',
  'Wei',
  'Amara',
  'Kwame',
  'Lucía',
  'Mateo',
];
export const LAST_NAMES = [
  'Silva',
  'Santos',
  'Smith',
  'Johnson',
  'Müller',
  'Schröder',
  'García',
  'Fernández',
  "O'Connor",
  'Nowak',
  'Kowalczyk',
  'Jensen',
  'Yamamoto',
  '佐藤',
  '王',
  'Иванов',
  'Παπαδόπουλος',
  'Nguyễn',
  'Öztürk',
  'Patel',
  'Mensah',
  'Okafor',
  'Dubois',
  'Lefèvre',
  'Rossi',
  'Bianchi',
  'van der Berg',
  'Åberg',
  'Ó Briain',
  'Kim',
];
export const CITIES: Array<[string, string, string, string]> = [
  ['São Paulo', 'São Paulo', 'BR', 'Brazil'],
  ['Austin', 'Texas', 'US', 'United States'],
  ['New York', 'New York', 'US', 'United States'],
  ['London', 'England', 'GB', 'United Kingdom'],
  ['Berlin', 'Berlin', 'DE', 'Germany'],
  ['Kraków', 'Lesser Poland', 'PL', 'Poland'],
  ['Tokyo', 'Tokyo', 'JP', 'Japan'],
  ['Sydney', 'New South Wales', 'AU', 'Australia'],
  ['Toronto', 'Ontario', 'CA', 'Canada'],
  ['Lyon', 'Auvergne-Rhône-Alpes', 'FR', 'France'],
];
export const STREETS = [
  'Main St',
  'Rua Augusta',
  'High Street',
  'Hauptstraße',
  'Avenue des Champs',
  'Elm Road',
];
export const ADJECTIVES = [
  'Classic',
  'Organic',
  'Rustic',
  'Sleek',
  'Handmade',
  'Vintage',
  'Ergonomic',
  'Café',
  'Ultra',
];
export const NOUNS = [
  'Mug',
  'Backpack',
  'Lamp',
  'Chair',
  'T-Shirt',
  'Notebook',
  'Kettle',
  'Sneakers',
  'Blanket',
  'Candle',
];
export const COLOURS = ['Red', 'Blue', 'Green', 'Black', 'White', 'Açaí'];
export const HEARD_FROM = ['Search engine', 'Friend', 'Instagram', 'Podcast'];
export const TOPICS = ['Sales', 'New arrivals', 'Recipes', 'Events'];

/** ASCII local part for emails derived from names in any script. */
export function asciiSlug(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return slug || 'shopper';
}
