// An independent ABC–XYZ calculation written from the rules of shared/domain/kam-model.md
// section 3 (default settings), used to check what the app exports. Shares no code with kam-core.

const norm = (name) => name.trim().split(/\s+/).join(' ').toLowerCase();
const monthIndex = ({ y, m }) => y * 12 + (m - 1);

/** rows: [{ account, date: {y, m, d}, revenue }] → Map(name → { abc, xyz }) */
export function referenceSegmentation(rows) {
  const accounts = new Map();
  let last = -Infinity;
  for (const r of rows) {
    const id = norm(r.account);
    if (!accounts.has(id)) accounts.set(id, { id, name: r.account.trim(), lines: [] });
    accounts.get(id).lines.push(r);
    last = Math.max(last, monthIndex(r.date));
  }
  const first = last - 11;
  const list = [...accounts.values()].map((a) => {
    const months = new Array(12).fill(0);
    let firstPurchase = Infinity;
    for (const l of a.lines) {
      const mi = monthIndex(l.date);
      if (l.revenue > 0) firstPurchase = Math.min(firstPurchase, mi);
      if (mi >= first && mi <= last) months[mi - first] += l.revenue;
    }
    return { ...a, months, value: months.reduce((s, v) => s + v, 0), firstPurchase };
  });
  list.sort((a, b) => (b.value - a.value) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
  const total = list.reduce((s, a) => s + Math.max(a.value, 0), 0);
  const out = new Map();
  let above = 0;
  for (const a of list) {
    let abc = 'C';
    if (a.value > 0) abc = above < 0.8 * total ? 'A' : above < 0.95 * total ? 'B' : 'C';
    above += Math.max(a.value, 0);
    const start = a.firstPurchase > first ? a.firstPurchase - first : 0;
    const counted = a.months.slice(Math.min(start, 12));
    let xyz = '-';
    if (counted.some((v) => v > 0) && counted.length >= 3) {
      const mean = counted.reduce((s, v) => s + v, 0) / counted.length;
      if (mean > 0) {
        const sd = Math.sqrt(counted.reduce((s, v) => s + (v - mean) ** 2, 0) / counted.length);
        const cv = (sd / mean) * 100;
        xyz = cv <= 10 ? 'X' : cv <= 25 ? 'Y' : 'Z';
      }
    }
    out.set(a.name, { abc, xyz });
  }
  return out;
}

/** A deterministic portfolio of order lines with the edge cases of section 3. */
export function generateOrders(seed = 7) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const names = [
    'Žalgiris Trading UAB', 'Müller & Söhne GmbH', 'Åbo Akademi Shop', 'Tõnismäe Kohvik OÜ', 'Ōsaka Bōeki KK',
    'Łódź Textiles', 'Čapek Tools s.r.o.', 'Ærø Ferries ApS', 'Straße Logistik AG', 'Nord Kala Oy',
    'Plain Steady Ltd', 'Zero Months Inc', 'Brand New Oy', 'Returns Only AB', 'Tiny Customer',
  ];
  const rows = [];
  // 18 months ending 2025-12; values in cents so both decimal styles are exact.
  for (let k = 0; k < 18; k++) {
    const y = 2024 + Math.floor((6 + k) / 12), m = ((6 + k) % 12) + 1;
    names.forEach((name, i) => {
      const base = [90000, 60000, 40000, 30000, 20000, 15000, 12000, 9000, 7000, 5000, 8000, 6000, 10000, 3000, 200][i];
      let value;
      if (name === 'Plain Steady Ltd') value = base;
      else if (name === 'Zero Months Inc') value = k % 3 === 0 ? base * 3 : 0;
      else if (name === 'Brand New Oy') value = k >= 16 ? base : 0;
      else if (name === 'Returns Only AB') value = k === 17 ? -500 : 0;
      else value = base * (1 + (rand() - 0.5) * (i % 3 === 0 ? 0.1 : i % 3 === 1 ? 0.5 : 1.4));
      if (value === 0) return;
      const cents = Math.round(value * 100);
      rows.push({ account: name, date: { y, m, d: 1 + ((i * 7 + k) % 28) }, revenue: cents / 100, cents });
    });
  }
  return rows;
}
