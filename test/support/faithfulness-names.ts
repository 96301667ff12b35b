// The names the faithfulness material is drawn from, in English and Japanese spellings: companies,
// places, metrics and products, and names no passage holds (what a model invents).

export interface Entity {
  en: string;
  ja: string;
}
export const ENTITIES: Entity[] = [
  { en: "Toyota", ja: "トヨタ" },
  { en: "Sony", ja: "ソニー" },
  { en: "Honda", ja: "ホンダ" },
  { en: "Nvidia", ja: "エヌビディア" },
  { en: "Rapidus", ja: "ラピダス" },
  { en: "Kioxia", ja: "キオクシア" },
  { en: "Panasonic", ja: "パナソニック" },
  { en: "Nintendo", ja: "任天堂" },
  { en: "Hitachi", ja: "日立製作所" },
  { en: "SoftBank", ja: "ソフトバンク" },
  { en: "Canon", ja: "キヤノン" },
  { en: "Fujitsu", ja: "富士通" },
  { en: "Renesas", ja: "ルネサス" },
  { en: "Toshiba", ja: "東芝" },
  { en: "TSMC", ja: "TSMC" },
  { en: "Samsung", ja: "サムスン" },
  { en: "Intel", ja: "インテル" },
  { en: "Microsoft", ja: "マイクロソフト" },
  { en: "Alibaba", ja: "アリババ" },
  { en: "Tencent", ja: "テンセント" },
  { en: "DeepSeek", ja: "DeepSeek" },
  { en: "BYD", ja: "BYD" },
  { en: "Huawei", ja: "ファーウェイ" },
  { en: "Denso", ja: "デンソー" },
];
export const PLACES: Entity[] = [
  { en: "Kumamoto", ja: "熊本" },
  { en: "Chitose", ja: "千歳" },
  { en: "Hokkaido", ja: "北海道" },
  { en: "Osaka", ja: "大阪" },
  { en: "Texas", ja: "テキサス" },
  { en: "Arizona", ja: "アリゾナ" },
  { en: "Ohio", ja: "オハイオ" },
  { en: "Dresden", ja: "ドレスデン" },
  { en: "Hiroshima", ja: "広島" },
];
/** Names no passage holds: what a model invents. */
export const INVENTED: Entity[] = [
  { en: "Veltrano", ja: "ベルトラーノ" },
  { en: "Korvex", ja: "コルベックス" },
  { en: "Maristel", ja: "マリステル" },
  { en: "Quorvane", ja: "クォルヴェイン" },
  { en: "Halmonia", ja: "ハルモニア" },
  { en: "Zenotek", ja: "ゼノテック" },
];
export const METRICS: Entity[] = [
  { en: "revenue", ja: "売上高" },
  { en: "operating profit", ja: "営業利益" },
  { en: "exports", ja: "輸出額" },
  { en: "shipments", ja: "出荷台数" },
  { en: "capital spending", ja: "設備投資額" },
  { en: "orders", ja: "受注額" },
  { en: "chip output", ja: "半導体の生産量" },
];
export const PRODUCTS: Entity[] = [
  { en: "smartphones", ja: "スマートフォン" },
  { en: "game consoles", ja: "ゲーム機" },
  { en: "cameras", ja: "カメラ" },
  { en: "electric vehicles", ja: "電気自動車" },
  { en: "laptops", ja: "ノートパソコン" },
  { en: "TVs", ja: "テレビ" },
];
export const MONTHS =
  "January February March April May June July August September October November December".split(" ");
