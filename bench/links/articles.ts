// The article texts of the cited-link benchmark, written for this project: en, ja and zh news stories.
// `[[text|url]]` marks an in-prose citation. Each story also names its reference list, see-also lines
// and footnotes; bench/links/pages.ts wraps them in varied site templates with furniture around them.

export interface Story {
  lang: "en" | "ja" | "zh";
  title: string;
  paragraphs: string[];
  /** Reference-list entries: [text, url]. */
  references: Array<[string, string]>;
  /** See-also lines: [title, url, site]. */
  seeAlso: Array<[string, string, string]>;
  /** Footnotes: [text, url]. */
  footnotes: Array<[string, string]>;
}

export const STORIES: Story[] = [
  {
    lang: "en",
    title: "Harbour traffic reaches a record as new berth opens",
    paragraphs: [
      "Container traffic at the northern harbour reached a record in March, the [[port authority said in its monthly bulletin|https://port-authority.example/bulletins/2025-03]].",
      "Ships waited an average of fourteen hours at the outer anchorage, according to [[a congestion study|https://transport-institute.example/studies/anchorage-waits]] published last week.",
      "The city council welcomed the figures but warned that rail links to the harbour were already running near capacity.",
    ],
    references: [
      ["Port authority annual report 2024", "https://port-authority.example/reports/annual-2024.pdf"],
    ],
    seeAlso: [
      [
        "Rail freight capacity review",
        "https://rail-regulator.example/reviews/freight-2025",
        "Rail Regulator",
      ],
    ],
    footnotes: [],
  },
  {
    lang: "en",
    title: "Wheat prices fall after a strong harvest forecast",
    paragraphs: [
      "Wheat futures fell for a third day after the [[agriculture ministry raised its harvest forecast|https://agri-ministry.example/forecasts/wheat-june]].",
      "Traders said dry weather in the south had done less damage than feared, while [[export data from the customs office|https://customs.example/statistics/grain-exports]] showed shipments holding steady.",
      "Bakers' associations said lower flour prices would take months to reach shop shelves.",
    ],
    references: [],
    seeAlso: [
      [
        "Why bread prices lag behind wheat",
        "https://economics-weekly.example/2025/06/bread-prices",
        "Economics Weekly",
      ],
      [
        "Drought monitor: southern provinces",
        "https://weather-service.example/drought/south",
        "Weather Service",
      ],
    ],
    footnotes: [],
  },
  {
    lang: "en",
    title: "City library extends opening hours after survey",
    paragraphs: [
      "The central library will open until ten at night on weekdays from September, following [[a survey of 4,000 residents|https://city-council.example/consultations/library-hours-results]].",
      "Students made up almost half of those who asked for longer hours, the survey found.",
      "The extra hours will be paid for from the culture budget, as set out in the [[council's spending plan|https://city-council.example/budget/2025-26]].",
    ],
    references: [
      ["Library usage statistics 2019–2024", "https://libraries-association.example/statistics/usage"],
      ["Culture budget breakdown", "https://city-council.example/budget/culture-breakdown"],
    ],
    seeAlso: [],
    footnotes: [
      ["Survey methodology note", "https://city-council.example/consultations/library-hours-method"],
    ],
  },
  {
    lang: "en",
    title: "Offshore wind farm approved despite fishing concerns",
    paragraphs: [
      "Regulators approved a 900-megawatt offshore wind farm on Tuesday, [[the energy regulator's decision|https://energy-regulator.example/decisions/north-bank-wind]] shows.",
      "Fishing groups had argued that the turbines would close traditional grounds; the decision requires compensation for lost catches.",
      "The developer said construction would start next spring, with first power expected in 2028, according to [[its planning statement|https://northbank-wind.example/planning/statement.pdf]].",
    ],
    references: [],
    seeAlso: [
      [
        "Fishing federation response",
        "https://fishing-federation.example/news/north-bank",
        "Fishing Federation",
      ],
    ],
    footnotes: [
      ["Environmental impact assessment, chapter 7", "https://energy-regulator.example/eia/north-bank/ch7"],
    ],
  },
  {
    lang: "en",
    title: "Hospital waiting lists shorten for the first time in five years",
    paragraphs: [
      "Waiting lists for planned surgery fell by 3 percent in the first quarter, [[health department figures|https://health-department.example/statistics/waiting-q1-2025]] show.",
      "Hospitals credited weekend operating sessions, which were expanded last autumn.",
      "Unions cautioned that staff overtime could not be sustained, pointing to [[a workforce report|https://nurses-union.example/reports/overtime-2025]].",
    ],
    references: [["Planned care recovery plan", "https://health-department.example/plans/planned-care"]],
    seeAlso: [
      [
        "How weekend surgery lists work",
        "https://medical-journal.example/explainers/weekend-lists",
        "Medical Journal",
      ],
    ],
    footnotes: [],
  },
  {
    lang: "en",
    title: "Electric bus fleet doubles in the capital",
    paragraphs: [
      "The capital now runs 640 electric buses, twice as many as a year ago, the [[transport operator said|https://capital-transport.example/press/electric-fleet]].",
      "Charging depots in the east of the city were finished ahead of schedule.",
      "An [[air quality study|https://environment-agency.example/air/bus-corridors]] found nitrogen dioxide along the busiest corridors had fallen by a fifth.",
    ],
    references: [],
    seeAlso: [],
    footnotes: [
      ["Fleet data, operator open data portal", "https://data.capital-transport.example/fleet"],
      ["Air monitoring station readings", "https://environment-agency.example/air/stations"],
    ],
  },
  {
    lang: "en",
    title: "Central bank holds rates and signals patience",
    paragraphs: [
      "The central bank kept its policy rate at 3.5 percent, [[its statement|https://central-bank.example/policy/statement-2025-05]] said, citing slowing but sticky inflation.",
      "Two members of the committee voted for a cut, the [[minutes|https://central-bank.example/policy/minutes-2025-05]] show.",
      "Economists mostly expect the first cut in the autumn.",
    ],
    references: [
      ["Inflation report, May 2025", "https://central-bank.example/publications/inflation-report-may-2025"],
    ],
    seeAlso: [
      [
        "What a rate hold means for mortgages",
        "https://money-guide.example/mortgages/rate-hold",
        "Money Guide",
      ],
    ],
    footnotes: [],
  },
  {
    lang: "en",
    title: "River clean-up brings salmon back upstream",
    paragraphs: [
      "Salmon have been counted above the old mill weir for the first time in forty years, [[the river trust reported|https://river-trust.example/news/salmon-count-2025]].",
      "The weir was lowered in 2023 as part of a clean-up funded by the regional government.",
      "Anglers' groups said the count matched what their members had seen, while [[the fisheries agency|https://fisheries-agency.example/monitoring/salmon]] said one season was not yet a trend.",
    ],
    references: [],
    seeAlso: [
      [
        "Weir removal: what changed",
        "https://regional-government.example/projects/mill-weir",
        "Regional Government",
      ],
    ],
    footnotes: [],
  },
  {
    lang: "en",
    title: "Airport adds night curfew after noise complaints",
    paragraphs: [
      "No flights will land between midnight and five in the morning from next year, under [[a curfew agreed with residents|https://airport.example/community/curfew-agreement]].",
      "Complaints about night noise had tripled since 2022, the [[noise ombudsman's report|https://noise-ombudsman.example/reports/airport-2024]] found.",
      "Airlines said a handful of long-haul routes would need new schedules.",
    ],
    references: [["Noise contour maps", "https://airport.example/community/noise-maps"]],
    seeAlso: [],
    footnotes: [],
  },
  {
    lang: "en",
    title: "Schools trial a four-day timetable",
    paragraphs: [
      "Twelve secondary schools will trial a four-day week from September, the [[education ministry announced|https://education-ministry.example/news/four-day-trial]].",
      "Lessons will be longer on the remaining days, so teaching time stays the same.",
      "Researchers will compare results with matched schools, following [[the evaluation protocol|https://education-research.example/protocols/four-day-week]].",
    ],
    references: [],
    seeAlso: [
      [
        "Four-day weeks abroad: the evidence",
        "https://education-research.example/reviews/four-day-abroad",
        "Education Research Unit",
      ],
    ],
    footnotes: [
      ["Parent consultation results", "https://education-ministry.example/consultations/four-day-parents"],
    ],
  },
  {
    lang: "en",
    title: "Copper mine expansion wins environmental permit",
    paragraphs: [
      "The copper mine in the western hills received its expansion permit, [[the environment agency confirmed|https://environment-agency.example/permits/western-copper]].",
      "The permit caps water drawn from the river at current levels.",
      "Output is expected to rise by a quarter by 2027, the company said in [[its investor update|https://western-copper.example/investors/update-2025]].",
    ],
    references: [
      [
        "Permit conditions, full text",
        "https://environment-agency.example/permits/western-copper/conditions",
      ],
      ["River flow records", "https://hydrology-service.example/rivers/west/flows"],
    ],
    seeAlso: [],
    footnotes: [],
  },
  {
    lang: "ja",
    title: "港のコンテナ取扱量が過去最高に",
    paragraphs: [
      "北港のコンテナ取扱量が3月に過去最高を記録したと、[[港湾局が月報で発表した|https://kowan.example.jp/geppo/2025-03]]。",
      "沖合の錨地での平均待ち時間は14時間に達し、[[運輸研究所の調査|https://unyu-ken.example.jp/chosa/byochi]]では2年前の2倍だった。",
      "市議会は数字を歓迎する一方、港への鉄道輸送がすでに限界に近いと指摘した。",
    ],
    references: [["港湾局 年次報告書2024", "https://kowan.example.jp/nenji/2024.pdf"]],
    seeAlso: [
      ["鉄道貨物の輸送力を検証", "https://tetsudo-news.example.jp/articles/kamotsu-2025", "鉄道ニュース"],
    ],
    footnotes: [],
  },
  {
    lang: "ja",
    title: "小麦価格が下落、豊作見通しで",
    paragraphs: [
      "[[農林水産省が収穫見通しを上方修正した|https://maff.example.jp/press/komugi-mitoshi]]ことを受け、小麦の先物価格は3日続けて下落した。",
      "南部の乾燥による被害は懸念されたほどではなく、[[税関の輸出統計|https://customs.example.jp/toukei/kokumotsu]]でも出荷は横ばいだった。",
      "製パン業界は、小麦粉の値下がりが店頭価格に反映されるまで数か月かかるとみている。",
    ],
    references: [],
    seeAlso: [
      ["パンの値段はなぜ遅れて動くのか", "https://keizai-weekly.example.jp/2025/06/pan", "経済ウィークリー"],
      ["南部の干ばつ状況", "https://kisho.example.jp/kanbatsu/nanbu", "気象サービス"],
    ],
    footnotes: [],
  },
  {
    lang: "ja",
    title: "市立図書館、開館時間を延長へ",
    paragraphs: [
      "中央図書館は9月から平日の開館時間を午後10時まで延長する。[[市民4000人へのアンケート結果|https://city.example.jp/iken/toshokan-kekka]]を踏まえた。",
      "延長を求めた人のほぼ半数が学生だった。",
      "費用は文化予算から支出し、[[市の予算案|https://city.example.jp/yosan/2025]]に盛り込まれている。",
    ],
    references: [
      ["図書館利用統計2019〜2024年", "https://toshokan-kyokai.example.jp/toukei/riyou"],
      ["文化予算の内訳", "https://city.example.jp/yosan/bunka"],
    ],
    seeAlso: [],
    footnotes: [["アンケートの調査方法", "https://city.example.jp/iken/toshokan-hoho"]],
  },
  {
    lang: "ja",
    title: "洋上風力発電所を認可、漁業者の懸念も",
    paragraphs: [
      "規制当局は火曜日、出力90万キロワットの洋上風力発電所を認可した。[[エネルギー規制委員会の決定文|https://energy-kisei.example.jp/kettei/kitahama]]で明らかになった。",
      "漁業団体は伝統的な漁場が失われると反対しており、決定は漁獲減少への補償を求めている。",
      "事業者は来春に着工し、2028年の運転開始を見込むと[[計画書|https://kitahama-wind.example.jp/keikaku.pdf]]で説明している。",
    ],
    references: [],
    seeAlso: [["漁業連合会の声明", "https://gyoren.example.jp/news/kitahama", "漁業連合会"]],
    footnotes: [["環境影響評価書 第7章", "https://energy-kisei.example.jp/eia/kitahama/7"]],
  },
  {
    lang: "ja",
    title: "手術の待機者数、5年ぶりに減少",
    paragraphs: [
      "予定手術の待機者数は1〜3月期に3%減ったことが、[[厚生労働省の統計|https://mhlw.example.jp/toukei/taiki-2025q1]]で分かった。",
      "病院側は昨秋から拡大した週末の手術枠が効いたと説明している。",
      "一方で労働組合は、[[人員に関する報告書|https://kango-kumiai.example.jp/hokoku/zangyo]]を挙げ、残業頼みは続かないと警告した。",
    ],
    references: [["予定手術の回復計画", "https://mhlw.example.jp/keikaku/yotei-shujutsu"]],
    seeAlso: [["週末の手術枠とは", "https://iryo-journal.example.jp/kaisetsu/shumatsu", "医療ジャーナル"]],
    footnotes: [],
  },
  {
    lang: "ja",
    title: "都内の電気バス、1年で倍増",
    paragraphs: [
      "都内を走る電気バスは640台と1年前の2倍になったと、[[交通局が発表した|https://kotsu.example.jp/press/ev-bus]]。",
      "東部の充電拠点は予定より早く完成した。",
      "[[大気環境の調査|https://kankyo.example.jp/taiki/bus-rosen]]によると、主要路線沿いの二酸化窒素濃度は2割下がった。",
    ],
    references: [],
    seeAlso: [],
    footnotes: [
      ["車両データ（オープンデータ）", "https://data.kotsu.example.jp/sharyo"],
      ["大気測定局の観測値", "https://kankyo.example.jp/taiki/sokuteikyoku"],
    ],
  },
  {
    lang: "ja",
    title: "中央銀行、金利据え置き",
    paragraphs: [
      "中央銀行は政策金利を3.5%に据え置いた。[[声明文|https://chuogin.example.jp/seisaku/seimei-2025-05]]は、インフレの鈍化が緩やかだと指摘した。",
      "委員2人は利下げを主張したことが[[議事要旨|https://chuogin.example.jp/seisaku/gijiyoshi-2025-05]]で分かった。",
      "エコノミストの多くは秋の利下げを予想している。",
    ],
    references: [["展望レポート 2025年5月", "https://chuogin.example.jp/tenbo/2025-05"]],
    seeAlso: [["金利据え置きで住宅ローンは", "https://money-guide.example.jp/loan/sueoki", "マネーガイド"]],
    footnotes: [],
  },
  {
    lang: "ja",
    title: "川の再生でサケが上流に戻る",
    paragraphs: [
      "旧水車堰より上流でサケが40年ぶりに確認されたと、[[河川保全団体が報告した|https://kasen-trust.example.jp/news/sake-2025]]。",
      "堰は県の事業として2023年に切り下げられた。",
      "釣り団体は会員の目撃と一致すると話す一方、[[水産庁|https://jfa.example.jp/monitoring/sake]]は1シーズンだけでは傾向とは言えないとしている。",
    ],
    references: [],
    seeAlso: [["堰の切り下げで何が変わったか", "https://pref.example.jp/jigyo/suishaseki", "県"]],
    footnotes: [],
  },
  {
    lang: "ja",
    title: "空港に夜間飛行制限を導入",
    paragraphs: [
      "来年から午前0時から5時までの着陸を禁止する。[[住民と結んだ協定|https://airport.example.jp/chiiki/kyotei]]に基づく。",
      "夜間騒音の苦情は2022年以降3倍に増えたと、[[騒音オンブズマンの報告書|https://soon-ombuds.example.jp/hokoku/2024]]は指摘した。",
      "航空会社は一部の長距離路線でダイヤの見直しが必要になるとしている。",
    ],
    references: [["騒音コンター図", "https://airport.example.jp/chiiki/contour"]],
    seeAlso: [],
    footnotes: [],
  },
  {
    lang: "ja",
    title: "中学校で週4日制を試行",
    paragraphs: [
      "12の中学校が9月から週4日制を試行すると、[[文部科学省が発表した|https://mext.example.jp/news/shu4-shiko]]。",
      "残りの日の授業時間を延ばし、年間の授業時数は変わらない。",
      "研究者は[[評価計画|https://kyoiku-ken.example.jp/keikaku/shu4]]に沿って、条件の近い学校と成績を比べる。",
    ],
    references: [],
    seeAlso: [["海外の週4日制、効果は", "https://kyoiku-ken.example.jp/review/kaigai", "教育研究所"]],
    footnotes: [["保護者意見募集の結果", "https://mext.example.jp/iken/shu4-hogosha"]],
  },
  {
    lang: "zh",
    title: "北港集装箱吞吐量创历史新高",
    paragraphs: [
      "北港3月集装箱吞吐量创下历史新高，[[港务局在月度公报中宣布|https://gangwu.example.cn/gongbao/2025-03]]。",
      "据[[运输研究所的调查|https://yunshu-yjs.example.cn/diaocha/maodi]]，船舶在外锚地平均等待14小时，是两年前的两倍。",
      "市议会对数据表示欢迎，但指出通往港口的铁路运力已接近极限。",
    ],
    references: [["港务局2024年年报", "https://gangwu.example.cn/nianbao/2024.pdf"]],
    seeAlso: [["铁路货运能力评估", "https://tielu-news.example.cn/articles/huoyun-2025", "铁路新闻"]],
    footnotes: [],
  },
  {
    lang: "zh",
    title: "丰收预期下小麦价格回落",
    paragraphs: [
      "[[农业农村部上调小麦产量预测|https://moa.example.cn/yuce/xiaomai]]后，小麦期货连续三天下跌。",
      "交易员表示，南方干旱造成的损失小于预期，[[海关出口数据|https://customs.example.cn/tongji/liangshi]]也显示出货量保持稳定。",
      "面包行业协会说，面粉降价传导到零售价格还需要几个月。",
    ],
    references: [],
    seeAlso: [
      ["面包价格为何滞后于小麦", "https://jingji-zhoukan.example.cn/2025/06/mianbao", "经济周刊"],
      ["南方干旱监测", "https://qixiang.example.cn/ganhan/nanfang", "气象局"],
    ],
    footnotes: [],
  },
  {
    lang: "zh",
    title: "市图书馆延长开放时间",
    paragraphs: [
      "中心图书馆将从9月起在工作日开放至晚上10点，此前[[对4000名市民的问卷调查|https://city.example.cn/zhengqiu/tushuguan-jieguo]]显示需求强烈。",
      "要求延长开放时间的人中近一半是学生。",
      "所需经费将从文化预算中列支，已写入[[市政府预算草案|https://city.example.cn/yusuan/2025]]。",
    ],
    references: [
      ["图书馆使用统计（2019—2024）", "https://tushuguan-xiehui.example.cn/tongji/shiyong"],
      ["文化预算明细", "https://city.example.cn/yusuan/wenhua"],
    ],
    seeAlso: [],
    footnotes: [["问卷调查方法说明", "https://city.example.cn/zhengqiu/tushuguan-fangfa"]],
  },
  {
    lang: "zh",
    title: "海上风电场获批，渔民表示担忧",
    paragraphs: [
      "监管部门周二批准了一座90万千瓦的海上风电场，[[能源监管委员会的决定书|https://nengyuan-jianguan.example.cn/jueding/beitan]]显示了这一点。",
      "渔业团体认为风机将占用传统渔场，决定要求对渔获损失给予补偿。",
      "开发商在[[规划说明|https://beitan-wind.example.cn/guihua.pdf]]中表示，明年春天开工，预计2028年首次发电。",
    ],
    references: [],
    seeAlso: [["渔业协会的回应", "https://yuye-xiehui.example.cn/news/beitan", "渔业协会"]],
    footnotes: [["环境影响报告书第七章", "https://nengyuan-jianguan.example.cn/huanping/beitan/7"]],
  },
  {
    lang: "zh",
    title: "择期手术候诊人数五年来首次下降",
    paragraphs: [
      "[[卫生健康委员会的统计|https://nhc.example.cn/tongji/houzhen-2025q1]]显示，第一季度择期手术候诊人数下降3%。",
      "医院认为去年秋天扩大的周末手术安排发挥了作用。",
      "工会援引[[一份人力报告|https://huli-gonghui.example.cn/baogao/jiaban]]警告说，依靠加班难以持续。",
    ],
    references: [["择期手术恢复计划", "https://nhc.example.cn/jihua/zeqi-shoushu"]],
    seeAlso: [["周末手术安排如何运作", "https://yixue-zazhi.example.cn/jiedu/zhoumo", "医学杂志"]],
    footnotes: [],
  },
  {
    lang: "zh",
    title: "首都电动公交车数量翻番",
    paragraphs: [
      "首都目前运营640辆电动公交车，是一年前的两倍，[[公交集团表示|https://gongjiao.example.cn/xinwen/diandong]]。",
      "城东的充电站提前完工。",
      "[[一项空气质量研究|https://huanjing.example.cn/kongqi/gongjiao-xianlu]]发现，最繁忙线路沿线的二氧化氮浓度下降了五分之一。",
    ],
    references: [],
    seeAlso: [],
    footnotes: [
      ["车辆数据（开放数据平台）", "https://data.gongjiao.example.cn/cheliang"],
      ["空气监测站读数", "https://huanjing.example.cn/kongqi/jiancezhan"],
    ],
  },
  {
    lang: "zh",
    title: "央行维持利率不变",
    paragraphs: [
      "央行将政策利率维持在3.5%，[[声明|https://yanghang.example.cn/zhengce/shengming-2025-05]]称通胀放缓但仍具黏性。",
      "[[会议纪要|https://yanghang.example.cn/zhengce/jiyao-2025-05]]显示，两名委员主张降息。",
      "多数经济学家预计秋季首次降息。",
    ],
    references: [["2025年5月货币政策报告", "https://yanghang.example.cn/baogao/2025-05"]],
    seeAlso: [["利率不变对房贷意味着什么", "https://licai-zhinan.example.cn/fangdai/budong", "理财指南"]],
    footnotes: [],
  },
  {
    lang: "zh",
    title: "河流治理后鲑鱼重返上游",
    paragraphs: [
      "[[河流保护基金会报告|https://heliu-jijinhui.example.cn/xinwen/guiyu-2025]]称，四十年来首次在旧水坝上游发现鲑鱼。",
      "这座水坝于2023年作为省政府治理项目的一部分被降低。",
      "钓鱼协会说这与会员的观察一致，而[[渔业局|https://yuyeju.example.cn/jiance/guiyu]]表示，一个季节还不能说明趋势。",
    ],
    references: [],
    seeAlso: [["降坝之后发生了什么", "https://sheng.example.cn/xiangmu/shuiba", "省政府"]],
    footnotes: [],
  },
  {
    lang: "zh",
    title: "机场实施夜间宵禁",
    paragraphs: [
      "根据[[与居民达成的协议|https://jichang.example.cn/shequ/xieyi]]，明年起午夜至凌晨5点禁止航班降落。",
      "[[噪声监察员的报告|https://zaosheng-jiancha.example.cn/baogao/2024]]指出，2022年以来夜间噪声投诉增加了两倍。",
      "航空公司表示，部分远程航线需要调整时刻。",
    ],
    references: [["噪声等值线图", "https://jichang.example.cn/shequ/dengzhixian"]],
    seeAlso: [],
    footnotes: [],
  },
  {
    lang: "zh",
    title: "中学试行每周四天上课",
    paragraphs: [
      "[[教育部宣布|https://moe.example.cn/xinwen/sitian-shidian]]，12所中学将从9月起试行每周四天上课。",
      "其余上课日延长课时，全年教学时间不变。",
      "研究人员将按照[[评估方案|https://jiaoyu-yjs.example.cn/fangan/sitian]]，与条件相近的学校比较成绩。",
    ],
    references: [],
    seeAlso: [["国外四天上课制的效果", "https://jiaoyu-yjs.example.cn/pinggu/guowai", "教育研究所"]],
    footnotes: [["家长意见征集结果", "https://moe.example.cn/zhengqiu/sitian-jiazhang"]],
  },
];

/**
 * Background paragraphs every story of a language carries between its own (real articles run longer
 * than three paragraphs, and the extractor is tuned on real lengths). Plain prose without links.
 */
export const BACKGROUND: Record<Story["lang"], string[]> = {
  en: [
    "Officials said a fuller breakdown of the figures would be published before the end of the year, once the data had been checked against earlier returns.",
    "The announcement follows several months of debate in which residents, businesses and local representatives set out sharply different views on what should come first.",
    "Analysts cautioned that one set of numbers rarely settles an argument of this kind, and that the effects would only become clear over several seasons.",
    "Opposition members welcomed the direction of the plan but asked how it would be paid for if revenues fell short of the government's expectations.",
    "Similar measures elsewhere have produced mixed results, depending largely on how closely they were monitored in their first two years.",
    "A spokesperson said the department would meet the groups most affected next month and publish a summary of what they had raised.",
  ],
  ja: [
    "担当者は、数値の詳しい内訳を過去のデータと照合したうえで、年内に公表する予定だと説明した。",
    "今回の発表までには数か月にわたる議論があり、住民や企業、地元の代表者の間で優先順位をめぐる意見が大きく分かれていた。",
    "専門家は、一度の数字だけで結論を出すのは難しく、効果が見えてくるのは数年先になるとの見方を示している。",
    "野党側は方向性を評価しつつも、収入が想定を下回った場合の財源について説明を求めた。",
    "他の地域で行われた同様の取り組みでは、最初の2年間の検証の仕方によって結果が大きく分かれたという。",
    "担当部署は来月、影響を受ける団体と意見交換し、出された意見の概要を公表するとしている。",
  ],
  zh: [
    "有关负责人表示，在与往年数据核对之后，将于年底前公布更详细的分项数据。",
    "此次公布之前，各方进行了数月的讨论，居民、企业和地方代表对于优先事项的看法分歧明显。",
    "分析人士提醒，仅凭一组数据难以下定论，相关影响需要经过几个季度才能看清。",
    "反对派议员对计划的方向表示认可，但要求说明如果收入低于预期，资金将从何而来。",
    "其他地区的类似措施效果不一，很大程度上取决于头两年的跟踪评估是否到位。",
    "发言人说，主管部门将于下月与受影响最大的团体会面，并公布会面中提出的主要意见。",
  ],
};
