/**
 * Vietnamese-looking text for the synthetic archive: a syllable inventory built from real
 * onsets × rhymes × tones (with the spelling rules c/k, g/gh, ng/ngh, qu, gi, and tone marks
 * placed as in modern orthography), ranked so that frequent real words come first, and the
 * registries of names (places, people, categories, tags) a regional newsroom uses. Pure.
 */
import { shuffled, type Random } from './prng.ts';

/** Combining tone marks: ngang (none), huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
/** Syllables ending in a stop only take sắc or nặng. */
const STOP_TONES = ['\u0301', '\u0323'] as const;

const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gi',
  'h',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
] as const;

const OPEN_RHYMES =
  'a ai ao au ay âu ây e eo ê êu i ia iu o oi ô ôi ơ ơi u ua ui ư ưa ưi ưu iêu uôi ươi ươu oa oai oay oe uê uy uya uyu';
const NASAL_RHYMES =
  'am an ang anh ăm ăn ăng âm ân âng em en eng êm ên ênh im in inh iêm iên iêng om on ong ôm ôn ông ơm ơn um un ung uôm uôn uông ưng ươm ươn ương oan oang oanh oăn oăng uân uyên uynh oen';
const STOP_RHYMES =
  'ac ach at ap ăc ăt ăp âc ât âp ec et ep êch êt êp ich it ip iêc iêt iêp oc ot op ôc ôt ôp ơt ơp uc ut up uôc uôt ưc ưt ươc ươt ươp oac oat oăc oăt oach uât uyêt uych uyt oet';

/** Every rhyme (vowel nucleus + coda), unaccented. */
export const RHYMES: readonly string[] = [OPEN_RHYMES, NASAL_RHYMES, STOP_RHYMES].flatMap((list) => list.split(' '));

const VOWELS = new Set([...'aăâeêioôơuưy']);
const MARKED_VOWELS = new Set([...'ăâêôơư']);
/** Rhymes opening with a rounded medial (hoa, khuy, tuân): only some onsets take them. */
const MEDIAL = /^(o[aăe]|u[yâê])/;
const MEDIAL_ONSETS = new Set(['', 'h', 'kh', 'l', 'ng', 'nh', 't', 'th', 'tr', 'x', 'đ', 's', 'ch']);

function isStop(rhyme: string): boolean {
  return /(c|ch|p|t)$/.test(rhyme);
}

/**
 * Index of the vowel that carries the tone mark in a rhyme (modern placement: hoá, thuý).
 *
 * @example
 * toneIndex('ươn'); // 1 (ơ)
 * toneIndex('ai'); // 0
 */
export function toneIndex(rhyme: string): number {
  const chars = [...rhyme];
  for (let i = chars.length - 1; i >= 0; i--) if (MARKED_VOWELS.has(chars[i]!)) return i;
  const vowelIndexes = chars.flatMap((char, i) => (VOWELS.has(char) ? [i] : []));
  const hasCoda = !VOWELS.has(chars[chars.length - 1]!);
  if (hasCoda || vowelIndexes.length === 1) return vowelIndexes[vowelIndexes.length - 1]!;
  const cluster = vowelIndexes.map((i) => chars[i]).join('');
  if (vowelIndexes.length === 2) return ['oa', 'oe', 'uy'].includes(cluster) ? vowelIndexes[1]! : vowelIndexes[0]!;
  return vowelIndexes[1]!;
}

/** The onset as spelled before this rhyme (c/k, g/gh, ng/ngh), or undefined when they do not combine. */
function spellOnset(onset: string, rhyme: string): string | undefined {
  const front = /^[ieêy]/.test(rhyme);
  if (MEDIAL.test(rhyme) && !MEDIAL_ONSETS.has(onset)) return undefined;
  if (onset === 'qu' && /^[uoôơư]/.test(rhyme)) return undefined;
  if (onset === 'gi' && /^i/.test(rhyme)) return undefined;
  if (onset === 'c') return front ? 'k' : 'c';
  if (onset === 'g') return front ? 'gh' : 'g';
  if (onset === 'ng') return front ? 'ngh' : 'ng';
  return onset;
}

/**
 * Writes one syllable: onset + rhyme with the tone mark on the right vowel, in NFC.
 *
 * @example
 * syllable('đ', 'ươn', 5); // 'đượn'
 * syllable('ng', 'iêng', 0); // 'nghiêng'
 */
export function syllable(onset: string, rhyme: string, tone: number): string | undefined {
  const spelled = spellOnset(onset, rhyme);
  if (spelled === undefined) return undefined;
  // yên, quyết: the glide i is written y at the start of a syllable and after qu.
  const written =
    (onset === '' && rhyme.startsWith('iê')) || (onset === 'qu' && rhyme.startsWith('i'))
      ? `y${rhyme.slice(1)}`
      : rhyme;
  const chars = [...written];
  const at = toneIndex(written);
  chars[at] = chars[at]! + TONES[tone]!;
  return (spelled + chars.join('')).normalize('NFC');
}

/**
 * Every syllable of the inventory: each onset with each rhyme it combines with, in each tone
 * the rhyme allows (stops: sắc and nặng only). About twelve thousand, all NFC.
 *
 * @example
 * allSyllables().includes('đường'); // true
 */
export function allSyllables(): string[] {
  const out = new Set<string>();
  for (const onset of ONSETS) {
    for (const rhyme of RHYMES) {
      const tones = isStop(rhyme) ? STOP_TONES.map((mark) => TONES.indexOf(mark)) : TONES.map((_, i) => i);
      for (const tone of tones) {
        const written = syllable(onset, rhyme, tone);
        if (written) out.add(written);
      }
    }
  }
  return [...out];
}

/** The most frequent syllables of Vietnamese news text, most frequent first. */
export const COMMON_SYLLABLES: readonly string[] = (
  'của và các có là được trong cho với những đã người không một này để năm tỉnh huyện xã thành phố đến từ trên ' +
  'về tại theo cũng khi đồng thời nhiều sẽ công tác phát triển kinh tế hội dân nhân chính quyền địa phương hoạt ' +
  'động hợp đơn vị cán bộ sản xuất nông nghiệp du lịch văn hóa giáo dục y đầu tư dự án hỗ trợ khai thực hiện kế ' +
  'hoạch chương trình quản lý tổ chức nghị lãnh đạo ủy ban ông bà biết đó nay sau trước tiếp tục nâng cao chất ' +
  'lượng giá trị thu nhập hộ gia đình cây trồng cà phê chè rau hoa rừng đất nước mưa đường giao thông an ninh trật ' +
  'tự môi trường học sinh lớp bệnh viện điện vốn ngân sách tỷ triệu ha tấn lượt khách mới lớn tốt hơn rất đang ' +
  'vẫn còn chỉ như vì nên nhưng mà thì lại ra vào lên xuống ngày tháng đội ngũ cơ sở hạ tầng vùng miền núi bà con ' +
  'đồng bào dân tộc thiểu số lễ hội truyền thống sự kiện kỷ niệm khen thưởng thi đua giải quyết kiểm tra giám sát ' +
  'chỉ đạo đề nghị yêu cầu bảo đảm bảo vệ phòng chống dịch tiêm chủng sức khỏe doanh nghiệp thị trường xuất khẩu ' +
  'thương hiệu sản phẩm chế biến chuỗi liên kết hợp tác xã nông dân vụ mùa thu hoạch'
).split(' ');

/**
 * The ranked vocabulary: common syllables first, then the whole inventory in a seeded order.
 *
 * @example
 * const words = rankedVocabulary(random); // ['của', 'và', …]
 */
export function rankedVocabulary(random: Random): string[] {
  const common = [...new Set(COMMON_SYLLABLES)];
  const seen = new Set(common);
  return [...common, ...shuffled(random, allSyllables()).filter((word) => !seen.has(word))];
}

/** Places of Lâm Đồng and beyond, written as proper names. */
export const PLACES: readonly string[] = [
  'Lâm Đồng',
  'Đà Lạt',
  'Bảo Lộc',
  'Di Linh',
  'Lạc Dương',
  'Đức Trọng',
  'Đơn Dương',
  'Lâm Hà',
  'Đam Rông',
  'Cát Tiên',
  'Đạ Huoai',
  'Đạ Tẻh',
  'Bảo Lâm',
  'Langbiang',
  'Tuyền Lâm',
  'Xuân Hương',
  'Liên Khương',
  'Prenn',
  'Hà Nội',
  'Thành phố Hồ Chí Minh',
  'Đắk Nông',
  'Bình Thuận',
  'Khánh Hòa',
  'Tây Nguyên',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hữu', 'Đức', 'Quang', 'Thu', 'Kim', 'Bảo', 'Xuân'];
const GIVEN = [
  'Hùng',
  'Yến',
  'Thủy',
  'Đức',
  'Hương',
  'Lan',
  'Tuấn',
  'Dũng',
  'Hải',
  'Hà',
  'Phương',
  'Trang',
  'Long',
  'Nam',
  'Sơn',
  'Hạnh',
  'Nga',
  'Bình',
  'Khoa',
  'Đạt',
  'Quỳnh',
  'Vy',
  'Nhung',
  'Tâm',
  'Đông',
  'Thắng',
];

/**
 * `count` distinct Vietnamese bylines: some full names (Nguyễn Văn Hùng), some two-word pen
 * names as newsrooms print them (Minh Đức).
 *
 * @example
 * authorNames(random, 60).length; // 60
 */
export function authorNames(random: Random, count: number): string[] {
  const names = new Set<string>(['Lô Thanh', 'Minh Đức', 'Hoàng Yến', 'Thu Thủy']);
  while (names.size < count) {
    const given = random.pick(GIVEN);
    names.add(
      random.chance(0.35)
        ? `${random.pick(MIDDLE)} ${given}`
        : `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${given}`,
    );
  }
  return [...names].slice(0, count);
}

/** Category names and one-sentence descriptions, in menu order. */
export const CATEGORIES: readonly { name: string; description: string }[] = [
  { name: 'Thời sự', description: 'Tin thời sự trong tỉnh và cả nước.' },
  { name: 'Tin tức', description: 'Tin tức hoạt động của các địa phương trong tỉnh.' },
  { name: 'Kinh tế', description: 'Công nghiệp, thương mại, đầu tư tại Lâm Đồng.' },
  { name: 'Nông nghiệp', description: 'Nông nghiệp công nghệ cao, cà phê, chè, rau và hoa.' },
  { name: 'Văn hóa - Xã hội', description: 'Văn hóa, đời sống và các vấn đề xã hội.' },
  { name: 'Giáo dục', description: 'Trường học, thi cử và đào tạo nghề.' },
  { name: 'Y tế', description: 'Sức khỏe cộng đồng, bệnh viện và phòng chống dịch.' },
  { name: 'Du lịch', description: 'Điểm đến, lễ hội và dịch vụ du lịch Lâm Đồng.' },
  { name: 'Thể thao', description: 'Thể thao phong trào và thành tích cao.' },
  { name: 'Pháp luật', description: 'An ninh trật tự và pháp luật.' },
  { name: 'Môi trường', description: 'Rừng, nước, khí hậu và thiên tai.' },
  { name: 'Quốc phòng - An ninh', description: 'Quốc phòng toàn dân và an ninh cơ sở.' },
];

/** Real tags a regional newsroom uses; the pool adds compounds drawn from the vocabulary. */
const REAL_TAGS = [
  'cà phê',
  'chè',
  'sầu riêng',
  'rau',
  'hoa',
  'nông nghiệp công nghệ cao',
  'du lịch',
  'lễ hội',
  'Festival Hoa',
  'giao thông',
  'sạt lở',
  'mùa mưa',
  'y tế',
  'vắc xin',
  'giáo dục',
  'thi tốt nghiệp',
  'thể thao',
  'bóng đá',
  'thi đua khen thưởng',
  'xây dựng nông thôn mới',
  'giảm nghèo',
  'đồng bào dân tộc thiểu số',
  'thổ cẩm',
  'làng nghề',
  'bảo vệ rừng',
  'phòng cháy chữa cháy',
  'an toàn thực phẩm',
  'chuyển đổi số',
  'cải cách hành chính',
  'đầu tư công',
];

/**
 * A pool of `count` distinct tags: real ones, every place, and two-syllable compounds of
 * frequent vocabulary.
 *
 * @example
 * tagPool(random, vocabulary, 300).length; // 300
 */
export function tagPool(random: Random, vocabulary: readonly string[], count: number): string[] {
  const tags = new Set<string>([...REAL_TAGS, ...PLACES]);
  const head = vocabulary.slice(0, 1500);
  while (tags.size < count) tags.add(`${random.pick(head)} ${random.pick(head)}`);
  return [...tags].slice(0, count);
}

/**
 * Upper-cases the first letter (NFC-safe for Vietnamese: 'đường' → 'Đường').
 *
 * @example
 * capitalise('ủy ban'); // 'Ủy ban'
 */
export function capitalise(text: string): string {
  const [first = '', ...rest] = [...text];
  return first.toUpperCase() + rest.join('');
}
