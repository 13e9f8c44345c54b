from common import *
H, T, E = 'zh-Hans', 'zh-Hant', 'en'
I = []
a = I.append
# 001-010
a(item(H, 'Forwarded：以下是化学院李教授的问题，麻烦帮忙查一下——1. 中国和芬兰政府间科技合作项目总经费多少？2. 最多支持几个项目？3. 平均每个项目多少钱？谢谢！（院办 小陈）',
       'detail', p('1.6'), ['6000', '15', '400'], ['forwarded', 'multi_aspect']))
a(item(E, 'Fwd from Prof. Zhang (School of Materials): "Could you find out how much the China-Spain direction provides in total, the maximum number of projects, and the average per project?" Thanks, Dean\'s Office',
       'detail', p('1.3'), ['60 million', '20', '3 million'], ['forwarded', 'multi_aspect']))
a(item(H, '转发：环境学院周老师想了解欧盟那两个方向——中欧研究创新旗舰合作计划和联合资助机制一般类——加在一起国拨经费是多少？',
       'budget', p('1.4', '1.5'), [['16000', '1.6亿']], ['forwarded', 'sum']))
a(item(H, ['德国那个平均多少', '芬兰呢', '这俩一样吗'], 'compare', p('1.8', '1.6'), ['400'], ['wechat', 'multiturn', 'same']))
a(item(H, ['南非联合研究几个项目', '旗舰那个呢', '加一起'], 'count', p('2.2', '2.3'), ['16'], ['wechat', 'multiturn', 'sum']))
a(item(H, ['意大利资助啥方向', '西班牙的', '钱呢'], 'budget', p('1.3'), ['6000'], ['wechat', 'multiturn', 'followup']))
a(item(H, ['奥地利多少钱', '阿根廷呢', '韩国联合研究呢', '三个加一起'], 'budget', p('1.7', '2.4', '2.0'), ['1800'], ['wechat', 'multiturn', 'sum']))
a(item(T, '您好，敝校研發處承辦國際合作計畫，想請教「中國和義大利政府間科技合作項目」的補助總經費是多少？預計核定幾件？',
       'detail', p('1.2'), ['2000', '10'], ['taiwan', 'multi_aspect']))
a(item(T, '請問義大利方向裡面的人工智慧，是限定應用在哪一類主題？本校資工系想了解。', 'fields', p('1.2'), [['文化遺產', '文化遗产']], ['taiwan']))
a(item(T, '請問各計畫的執行期間為幾年？本處需填寫內部簽核表，謝謝。', 'period', None, [P], ['taiwan', 'polite']))
# 011-020
a(item(T, '你好，我係科大嘅博士後，做燃料電池，想問中德嗰個方向平均每個項目有幾多錢？', 'average', p('1.8'), ['400'], ['cantonese', 'context']))
a(item(T, '以色列同意大利加埋總經費係幾多？', 'budget', p('1.9', '1.2'), ['4000'], ['cantonese', 'sum']))
a(item(T, '芬蘭平均每個項目係咪多過西班牙？', 'compare', p('1.6', '1.3'), ['400', '300'], ['cantonese', 'higher']))
a(item(E, 'Hello, I am professor from University of Turin, my chinese partner say there is a call with Italy. How much money is total for the italy projects and how many project will be choose?',
       'detail', p('1.2'), ['20 million', '10'], ['nonnative', 'multi_aspect']))
a(item(E, 'Dear sir/madam, what topics is covered in the China-Finland cooperation? we are in Tampere working on eldery care technology', 'fields', p('1.6'),
       [['health', 'ageing', 'aging', 'elderly'], ['energy']], ['nonnative', 'context', 'typo']))
a(item(H, '我们和赫尔辛基大学合作多年，请问今年中芬项目的申报截止时间是哪天？', 'unknown', None, [['截止', '时间', '日期']], ['unknown_aspect', 'deadline']))
a(item(E, 'What is the matching fund requirement for the German partner institutions in the hydrogen call? Our Fraunhofer colleagues keep asking.', 'unknown', None, None, ['unknown_aspect', 'matching']))
a(item(H, '政府间专项里平均资助强度排第二的是哪个方向？', 'rank', p('2.1'), ['750'], ['rank_filter', 'ordinal']))
a(item(E, 'Within the intergovernmental call, which directions fund at least 10 projects?', 'rank', p('1.1', '1.2', '1.3', '1.5', '1.6', '1.9', '2.2', '2.5'), None, ['rank_filter', 'above'], match='f1'))
a(item(H, '政府间专项里，平均每项低于300万的方向有哪些？', 'rank', p('1.2', '1.7', '1.9', '2.0', '2.2', '2.4'), ['250', '50'], ['rank_filter', 'below']))
# 021-030
a(item(H, '我们是做海洋生态的，想问下哪些方向涉及海洋？', 'topic', p('2.2', '2.5', 'hmt-1.1'), None, ['topic', 'context'], match='f1'))
a(item(E, 'which of the calls have something on AI / machine learning?', 'topic', p('1.1', '1.2', '2.2', '2.5'), None, ['topic'], match='f1'))
a(item(T, '邊啲方向有做疫苗研究？', 'topic', p('1.9', '2.5'), None, ['topic', 'cantonese'], match='f1'))
a(item(H, '指南里明确写了“生物医药”或者“生物医学”的方向有哪几个？', 'topic', p('1.2', '1.3', 'hmt-1.1'), None, ['topic'], match='f1'))
a(item(E, 'Our lab at Politecnico di Torino do electrolyser research — which of the directions can fund hydrogen things?', 'topic', p('1.8', '2.1', '2.3'), None, ['topic', 'nonnative', 'context'], match='f1'))
a(item(H, '政府间专项和港澳台专项两个加起来，国拨经费一共多少？', 'budget', None, [['52600', '5.26']], ['both_calls', 'sum']))
a(item(H, '两个专项（政府间+港澳台）合计大概支持多少个项目？', 'count', None, ['153'], ['both_calls', 'sum']))
a(item(E, 'If I add the intergovernmental call and the Macao one together, how many money in total?', 'budget', None, ['526 million'], ['both_calls', 'sum', 'nonnative']))
a(item(H, '除了中德，还有哪些方向能做氢能？', 'topic', p('2.1', '2.3'), None, ['topic', 'exclusion'], match='f1'))
a(item(E, 'South Africa, but not the flagship one — what fields are funded?', 'fields', p('2.2'),
       [['artificial intelligence', 'ict', 'information'], ['marine', 'ocean'], ['space', 'satellite', 'astronomy', 'remote sensing']], ['exclusion']))
# 031-040
a(item(H, '院里让我写个简报，这个政府间专项整体是什么情况？方向数、总经费、项目数都要', 'overview', None, ['15', ['4.96', '49600'], '138'], ['multi_aspect']))
a(item(T, '哈囉，呢個bot識答咩嘢㗎？', 'help', None, None, ['cantonese']))
a(item(E, 'Hi, which countries or organisations can Chinese teams partner with in this call?', 'partners', None, ['Spain', 'Russia', 'Argentina'], ['partners'], programs_any=PARTNERS_ANY))
a(item(H, ['西班牙方向总经费多少', '意大利的呢', '前者多多少'], 'compare', p('1.3', '1.2'), ['4000'], ['wechat', 'multiturn', 'difference']))
a(item(E, 'How many times is the Finland average per project compared with the Korea joint research one (not the energy programme)?', 'compare', p('1.6', '2.0'),
       [['4 times', '4x', 'four times', '4-fold', '4 fold', '×4', 'fourfold']], ['ratio', 'exclusion']))
a(item(H, ['项目数最少的是哪个方向', '刚才那个经费多少'], 'budget', p('2.3'), ['300'], ['multiturn', 'followup']))
a(item(T, '請問中奧產學研合作計畫，補助件數約多少件？每件平均經費多少？', 'detail', p('1.7'), ['4', '250'], ['taiwan', 'multi_aspect']))
a(item(T, '想確認奧地利方向的補助領域是否涵蓋綠色建築與建築節能？', 'fields', p('1.7'), [['綠色建築', '建築']], ['taiwan']))
a(item(E, 'Forwarded from our Vice-Rector: what percentage of applications to the China-Spain call usually get funded?', 'unknown', None,
       [['success rate', 'acceptance rate', 'approval rate', 'funding rate', 'percent', 'percentage']], ['forwarded', 'unknown_aspect', 'success_rate']))
a(item(H, '我们是民办高校，能不能作为牵头单位申报中以联合研究项目？', 'unknown', None, None, ['unknown_aspect', 'eligibility']))
# 041-050
a(item(H, '中芬项目的经费里劳务费最多能占多少比例？', 'unknown', None, [['劳务', '费用', '比例', '科目', '开支']], ['unknown_aspect', 'allowed_costs']))
a(item(E, 'Is there going to be a China-Argentina call in 2024 as well, and with how much budget?', 'unknown', None, [['2024', 'other year', 'future', 'next year']], ['unknown_aspect', 'other_year'],
       not_has=['2 million']))
a(item(T, '我哋係港大，香港嘅大學可唔可以申請中芬項目？', 'unknown', None, None, ['cantonese', 'unknown_aspect', 'eligibility']))
a(item(H, '政府间专项里总经费不低于3000万的方向有哪些？', 'rank', p('1.1', '1.3', '1.4', '1.5', '1.6', '2.2', '2.5'), ['6000'], ['rank_filter', 'above']))
a(item(E, 'Apart from Argentina, which direction has the lowest average grant per project?', 'rank', p('2.0'), ['1 million'], ['rank_filter', 'exclusion'], match='includes'))
a(item(H, '按总经费从少到多排，第四个是哪个方向？', 'rank', p('1.7'), ['1000'], ['rank_filter', 'ordinal']))
a(item(H, '平均资助最低的两个方向是哪两个，各多少？', 'rank', p('2.4', '2.0'), ['50', '100'], ['rank_filter', 'ordinal']))
a(item(E, ['How much for Israel per project?', 'and the Macao one?', 'same?'], 'compare', p('1.9', 'hmt-1.1'), ['2 million'], ['multiturn', 'same', 'both_calls']))
a(item(H, ['中俄项目领域有哪些', '经费和项目数呢'], 'detail', p('2.5'), ['6000', '20'], ['multiturn', 'multi_aspect']))
a(item(H, ['澳门那个几个项目', '平均呢', '总共呢'], 'budget', p('hmt-1.1'), ['3000'], ['wechat', 'multiturn', 'followup']))
# 051-060
a(item(T, ['韓國能源技術聯合研究有幾多錢？', '另一個韓國項目呢？', '兩個加埋幾多？'], 'budget', p('2.1', '2.0'), ['2100'], ['cantonese', 'multiturn', 'other_one', 'sum']))
a(item(E, ['what about Russia — how many projects?', 'and Spain?', 'which one is more?'], 'compare', p('2.5', '1.3'), ['20'], ['multiturn', 'same']))
a(item(H, '我们做智能制造，可以申报哪些方向？', 'topic', p('1.1', '1.3'), None, ['topic', 'context'], match='f1'))
a(item(E, 'Fwd: Prof. Müller asks which areas the EU co-funding mechanism (general projects) covers, and whether climate topics are in', 'fields', p('1.5'),
       [['climate'], ['food', 'agricultur']], ['forwarded']))
a(item(H, '欧盟旗舰合作计划领域二（气候变化与生物多样性）平均每个项目多少钱？', 'average', p('1.4'), ['1500']))
a(item(E, 'For the EU flagship, food/agriculture/biotech strand: what is the average per project?', 'average', p('1.4'), ['35 million']))
a(item(T, ['請問西班牙方向補助總經費？', '最多核定幾件計畫？'], 'count', p('1.3'), ['20'], ['taiwan', 'multiturn']))
a(item(T, '請問本年度政府間專項共有幾個指南方向？國撥經費總概算多少？', 'overview', None, ['15', ['4.96', '49600']], ['taiwan', 'multi_aspect']))
a(item(H, ['芬兰几个项目', '俄罗斯呢', '西班牙呢', '三个一共'], 'count', p('1.6', '2.5', '1.3'), ['55'], ['wechat', 'multiturn', 'sum']))
a(item(E, ['what fields does austria fund?', 'how much buget for austira?'], 'budget', p('1.7'), ['10 million'], ['typo', 'multiturn']))
# 061-070
a(item(E, 'wich areas argentina program support', 'fields', p('2.4'), [['plant protein', 'protein'], ['food']], ['typo', 'short']))
a(item(H, '有没有支持射电天文或者遥感的方向？', 'topic', p('2.2'), None, ['topic'], match='f1'))
a(item(T, '邊個方向有做海水淡化？', 'topic', p('1.9'), None, ['topic', 'cantonese'], match='f1'))
a(item(E, 'Which directions mention climate change?', 'topic', p('1.1', '1.4', '1.5', '2.0'), None, ['topic'], match='f1'))
a(item(H, ['欧盟旗舰总经费', '中奥产学研呢', '前一个是后一个的几倍'], 'compare', p('1.4', '1.7'), [['13倍', '十三倍']], ['wechat', 'multiturn', 'ratio']))
a(item(E, 'Difference between the Korea energy average and the Austria average?', 'compare', p('2.1', '1.7'), ['5 million'], ['difference']))
a(item(H, '项目数正好是10个的方向有哪些', 'rank', p('1.1', '1.2', '1.5', '1.9'), ['10'], ['rank_filter', 'exactly'], match='f1'))
a(item(H, '中德项目是不是必须有车企参与？高校单独能报吗', 'unknown', None, None, ['unknown_aspect', 'eligibility']))
a(item(E, 'Can one PI submit to both the Finland and the Germany calls at the same time?', 'unknown', None, None, ['unknown_aspect', 'eligibility']))
a(item(H, '请问外方需要同时向他们本国机构申请经费吗？比如以色列那边', 'unknown', None, None, ['unknown_aspect', 'two_sided']))
# 071-080
a(item(T, '請問國撥經費是否可支應間接費用（管理費）？比例上限多少？', 'unknown', None, None, ['taiwan', 'unknown_aspect', 'allowed_costs']))
a(item(T, '南非旗艦項目得一個咋？咁平均即係幾多錢？', 'average', p('2.3'), ['300'], ['cantonese']))
a(item(T, '邊個方向平均資助少過100萬？', 'rank', p('2.4'), ['50'], ['cantonese', 'rank_filter', 'below']))
a(item(E, 'List the directions whose average grant is more than CNY 3 million', 'rank', p('1.4', '1.6', '1.8', '2.1'), ['7.5 million'], ['rank_filter', 'above']))
a(item(H, ['阿根廷多少个', '平均呢', '好少 那德国呢'], 'average', p('1.8'), ['400'], ['wechat', 'multiturn', 'followup']))
a(item(H, '转一下外语学院这边问的：中意项目和中西项目各资助几个项目？', ['count', 'compare'], p('1.2', '1.3'), ['10', '20'], ['forwarded']))
a(item(E, 'FW: Question from Dr. Okafor — "Are the Israel and Italy budgets the same, and how many projects each?"', ['compare', 'detail'], p('1.9', '1.2'), ['20 million', '10'],
       ['forwarded', 'same', 'multi_aspect']))
a(item(H, '中南非联合研究（非旗舰）：经费、项目数、平均、领域，麻烦全部发我一下', 'detail', p('2.2'), ['3000', '15', '200'], ['multi_aspect', 'exclusion']))
a(item(E, 'Everything you have on the mainland–Macao joint funding direction please', 'detail', p('hmt-1.1'), ['30 million', '15', '2 million'], ['multi_aspect']))
a(item(T, '請提供中以聯合研究計畫之補助總額、核定件數及平均補助額度。', 'detail', p('1.9'), ['2000', '10', '200'], ['taiwan', 'multi_aspect']))
# 081-090
a(item(H, ['哪些方向支持航空航天', '这几个里哪个平均最高'], 'rank', p('1.1'), ['300'], ['multiturn', 'topic'], match='includes'))
a(item(E, ['which directions are about smart city?', 'total budget of them together?'], 'budget', p('1.1', '1.3'), ['90 million'], ['multiturn', 'sum']))
a(item(H, '除了欧盟旗舰，其他政府间方向加起来一共多少钱？', 'budget', p('1.1', '1.2', '1.3', '1.5', '1.6', '1.7', '1.8', '1.9', '2.0', '2.1', '2.2', '2.3', '2.4', '2.5'),
       [['36600', '3.66']], ['exclusion', 'sum']))
a(item(T, '澳門嗰個聯合資助研發項目，係咪包括海洋科學？', 'fields', p('hmt-1.1'), ['海洋'], ['cantonese']))
a(item(E, 'Pls what is the period for execute the project? 2 year or 3 year?', 'period', None, [P], ['nonnative']))
a(item(H, '中意和中以的平均资助额一样吗', 'compare', p('1.2', '1.9'), ['200'], ['same']))
a(item(H, '项目数倒数第二的是哪个方向？', 'rank', p('2.1'), ['2'], ['rank_filter', 'ordinal']))
a(item(E, ['I am at TU Wien. Average for the Austria industry-academia call?', 'roughly how many projects will it fund?'], 'count', p('1.7'), ['4'], ['multiturn', 'context']))
a(item(H, ['中欧联合实验室那个几个项目', '欧盟一般类那个呢', '俩加一起'], 'count', p('1.1', '1.5'), ['20'], ['wechat', 'multiturn', 'sum']))
a(item(T, ['請問哪些方向有補助人工智慧相關研究？', '其中總經費最少的是哪一個？'], 'rank', p('1.2'), ['2000'], ['taiwan', 'topic', 'multiturn'], match='includes'))
# 091-100
a(item(E, 'Do we need to write the application in English or Chinese for the Russia call?', 'unknown', None, None, ['unknown_aspect', 'format']))
a(item(H, '中韩能源技术那个去年批了几个？', 'unknown', None, [['去年', '2022', '往年', '以往', '历年']], ['unknown_aspect', 'last_year'], not_has=['750']))
a(item(H, '合作方是开普敦大学，想问南非那边的资助需要单位配套吗？要配多少？', 'unknown', None, [['配套', '匹配', '自筹']], ['unknown_aspect', 'matching']))
a(item(E, 'what is the maximum age of the PI for the Macao joint funding?', 'unknown', None, None, ['unknown_aspect', 'eligibility']))
a(item(T, '德國同韓國能源技術，邊個平均多啲？多幾多？', 'compare', p('1.8', '2.1'), ['350'], ['cantonese', 'difference']))
a(item(H, '中韩能源技术联合研究：多少钱、几个项目、做什么方向？', 'detail', p('2.1'), ['1500', '2', ['碳捕集', '氢能', '热电']], ['multi_aspect']))
a(item(E, 'Korea joint research (the general one, not energy) — which research fields?', 'fields', p('2.0'), [['biotech', 'bio'], ['aerospace', 'aviation']], ['exclusion']))
a(item(H, ['中欧旗舰平均多少', '一般类那个呢', '它大约支持多少项？'], 'count', p('1.5'), ['10'], ['wechat', 'multiturn', 'other_one']))
a(item(T, ['奧地利嗰個做咩㗎？', '俄羅斯個方向呢？', '佢總共有幾多經費？'], 'budget', p('2.5'), ['6000'], ['cantonese', 'multiturn', 'followup']))
a(item(E, ['South Africa joint research, how much total?', 'avg per project (NOT the flagship)?'], 'average', p('2.2'), ['2 million'], ['multiturn', 'exclusion']))
# 101-110
a(item(H, ['德国多少钱', '芬兰呢', '差多少', '比例呢'], 'compare', p('1.8', '1.6'), [['3倍', '三倍', '3:1', '1:3']], ['wechat', 'multiturn', 'ratio']))
a(item(E, 'Leaving out the EU flagship, which direction has the biggest total budget?', 'rank', p('1.3', '1.6', '2.5'), ['60 million'], ['rank_filter', 'exclusion'], match='includes'))
a(item(H, '我们做养老和老龄健康，适合报哪个方向？', 'topic', p('1.6'), None, ['topic', 'context'], match='f1'))
a(item(T, '想確認一下，這次政府間專項的合作對象（國家、地區或國際組織）有哪些？', 'partners', None, [['芬蘭', '芬兰'], ['阿根廷'], ['奧地利', '奥地利']], ['taiwan'], programs_any=PARTNERS_ANY))
a(item(E, 'hey, what kind of questions can you answer?', 'help'))
a(item(H, '你好，我第一次用，这个机器人都能查些什么？', 'help'))
a(item(E, ['Macao call total?', 'and the whole intergovernmental call?', 'add them'], 'budget', None, ['526 million'], ['multiturn', 'both_calls', 'sum']))
a(item(H, '总经费在1000万到2000万之间（含两端）的方向', 'rank', p('1.7', '2.1', '1.2', '1.8', '1.9'), ['1500'], ['rank_filter', 'between']))
a(item(T, '申請嘅時候要唔要外方合作單位蓋章？', 'unknown', None, None, ['cantonese', 'unknown_aspect']))
a(item(E, 'Compare Germany, Israel and Italy on number of projects', 'compare', p('1.8', '1.9', '1.2'), ['5', '10'], ['three']))
dump(I, 1, 'part1.yaml')
