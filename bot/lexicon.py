"""Intent cue words in Simplified Chinese (Traditional input is folded to it) and English.

Each cue carries a weight: 3 = says the intent on its own, 2 = usual wording, 1 = a hint that
only counts with others. Cantonese wording (幾多, 邊啲, 咩, 嘅) is listed after folding to
Simplified. Keep entries lower-case; Latin cues match on word boundaries, Chinese ones anywhere.
"""

from __future__ import annotations

BUDGET = "budget"
AVERAGE = "average"
COUNT = "count"
FIELDS = "fields"
TOPIC = "topic"
DETAIL = "detail"
COMPARE = "compare"
RANK = "rank"
OVERVIEW = "overview"
PERIOD = "period"
PARTNERS = "partners"
HELP = "help"
UNKNOWN = "unknown"
OUT_OF_SCOPE = "oos"

INTENTS = (PARTNERS, BUDGET, AVERAGE, COUNT, FIELDS, TOPIC, DETAIL, COMPARE, RANK, OVERVIEW,
           PERIOD, HELP, UNKNOWN)

CUES: dict[str, dict[str, int]] = {
    BUDGET: {
        "经费": 3, "钱": 3, "金额": 3, "总金额": 3, "总额": 3, "资金": 3, "预算": 3, "拨款": 3,
        "国拨": 3, "额度": 2, "多少万": 3, "几个亿": 3, "多少亿": 3, "几亿": 3, "万元": 2,
        "资助额": 3, "资助金额": 3, "经费总额": 3, "投入": 2, "给多少": 2, "拿多少": 2,
        "几多": 2, "几钱": 3, "费用": 2, "资助多少": 2, "支持多少": 1, "经费概算": 3, "概算": 3,
        "总经费": 3, "钱多": 2, "有多少": 1, "多少": 1,
        "budget": 3, "budgets": 3, "funding": 3, "money": 3, "how much": 3, "amount": 2,
        "amounts": 2, "total amount": 3, "cny": 2, "rmb": 2, "yuan": 2, "million": 2,
        "cash": 3, "financing": 3, "funds": 2, "fund": 1, "worth": 2, "get": 1, "paid": 2,
        "euros": 2, "dollars": 2, "allocation": 3, "allocated": 3, "funded": 1, "total": 1,
        "grant money": 3, "budjet": 3, "buget": 3, "fundings": 3,
    },
    AVERAGE: {
        "平均": 4, "每个项目": 4, "每项": 4, "单个项目": 4, "单项": 3, "每个": 2, "每一项": 4,
        "均值": 4, "一个项目": 3, "1个项目": 3, "单个": 3, "每个课题": 4, "人均": 3, "强度": 3, "资助强度": 4,
        "每项目": 4, "每个多少": 4, "平均每": 4,
        "average": 4, "avg": 4, "per project": 4, "per-project": 4, "each project": 4,
        "per grant": 4, "mean": 3, "typical": 3, "per award": 4, "grant size": 4,
        "per programme": 3, "each grant": 4, "a project get": 4, 
        "avarage": 4, "averge": 4, "per": 2, "each": 1, "averages": 4,
    },
    COUNT: {
        "几个项目": 4, "多少个项目": 4, "多少项目": 4, "项目数": 4, "资助数": 4, "数量": 3,
        "几项": 3, "多少项": 3, "几个": 2, "多少个": 2, "名额": 3, "立项数": 4, "支持几": 3,
        "资助几": 3, "个数": 3, "项目数量": 4, "几多个": 3, "几多项": 3, "立项": 2, "几个课题": 4,
        "how many": 4, "number of": 3, "count": 3, "quota": 3, "slots": 3, "projects": 2,
        "grants": 1, "awards": 1, "how many projects": 4,
    },
    FIELDS: {
        "咩方向": 4, "研究咩": 4, "work on": 3, "what can i work on": 4, "what can we work on": 4, "research topics": 4,
        "做咩研究": 4, "咩研究": 4, "做什么研究": 4, "研究啥": 4, "做啥": 3, "做咩": 3, "研究些什么": 4, "哪些方面": 3,
        "领域": 3, "资助领域": 4, "研究领域": 4, "研究方向": 4, "什么方向": 3, "哪些方向": 3,
        "方向": 1, "研究什么": 4, "做什么": 3, "支持什么": 3, "资助什么": 3, "内容": 2, "范围": 2,
        "主题": 3, "涉及": 2, "关注": 2, "重点": 2, "哪些领域": 4, "什么领域": 4, "方面": 2,
        "只做": 3, "别的": 2, "其他领域": 3, "做啲咩": 1, "有咩": 2, "研究啲咩": 4, "课题": 1,
        "field": 3, "fields": 3, "area": 3, "areas": 3, "topics": 3, "topic": 2, "focus": 3,
        "cover": 3, "covers": 3, "covered": 3, "research areas": 4, "themes": 3, "theme": 3,
        "subjects": 3, "domains": 3, "domain": 3, "scope": 3, "priorities": 3, "sectors": 3,
        "research on": 3, "about what": 3, "what kind of research": 4, "disciplines": 3,
        "feilds": 3, "fileds": 3, "what do they fund": 4, "what does": 1, "include": 1,
        "includes": 1, "only": 1,
    },
    PARTNERS: {
        "国家": 3, "国别": 4, "合作方": 4, "合作国": 4, "伙伴": 3, "合作伙伴": 4, "哪些国": 4,
        "和谁": 3, "跟谁": 3, "与哪些": 3, "合作对象": 4, "对象国": 4, "地区": 2, "哪几个国家": 4,
        "合作国别": 4, "国际组织": 2, "多边机制": 2, "边啲国家": 4, "合作国家": 4, "哪国": 3,
        "partner": 4, "partners": 4, "countries": 4, "country": 3, "nations": 4,
        "which countries": 4, "who can we": 3, "regions": 2, "partner countries": 4,
        "apply with": 3, "cooperate with": 3, "collaborate with": 3, "counterparts": 3,
    },
    PERIOD: {
        "几多年": 4, "多少年": 4, "几年结题": 4, "结题": 3, "多少个月": 4, "几个月": 4,
        "周期": 4, "几年": 4, "多少年": 4, "多长时间": 4, "多久": 4, "期限": 4, "年限": 4,
        "执行期": 4, "实施期": 4, "时长": 4, "持续": 3, "多长": 3, "做几年": 4, "几耐": 4,
        "how long": 4, "duration": 4, "period": 3, "years": 3, "length": 2, "last": 2,
        "how many years": 4, "lifetime": 3, "timeframe": 3, "time frame": 3,
    },
    OVERVIEW: {
        "指南方向": 3, "几个指南方向": 4, "多少个指南方向": 4, "多少指南方向": 4,
        "大致内容": 4, "大致": 2, "申报通知": 2, "这次通知": 3, "通知内容": 4, "整体情况": 4, "总体情况": 4,
        "总体": 3, "概况": 4, "整体": 3, "总共": 1, "一共": 1, "全部": 1, "总览": 4, "简介": 3,
        "概述": 4, "大概": 1, "几个方向": 4, "多少个方向": 4, "多少方向": 4, "什么情况": 2,
        "基本情况": 3, "基本信息": 3, "专项": 1, "汇总": 3, "总的": 2, "整个": 2, "总括": 3,
        "overview": 4, "summary": 4, "summarise": 4, "summarize": 4, "in general": 3,
        "overall": 3, "whole call": 3, "entire call": 3, "big picture": 4, "at a glance": 4,
        "how many directions": 4, "directions": 1, "the call": 1, "in total": 1,
        "key facts": 3, "basics": 2,
    },
    DETAIL: {
        "讲吓": 3, "介绍吓": 3, "睇吓": 2,
        "介绍": 3, "讲讲": 3, "说说": 3, "详情": 4, "详细": 3, "具体": 2, "情况": 2, "信息": 2,
        "资料": 2, "全部信息": 4, "是什么": 1, "怎么样": 2, "了解": 2, "讲下": 3, "讲一下": 3,
        "介绍下": 3, "介绍一下": 3, "咩嚟": 2, "系咩": 1, "点样": 2, "所有信息": 4,
        "tell me about": 4, "about": 1, "details": 4, "detail": 4, "info": 3, "information": 3,
        "describe": 4, "everything": 4, "explain": 3, "what is": 1, "more on": 3, "facts": 2,
        "profile": 3, "all about": 4,
    },
    HELP: {
        "问些什么": 4, "可以问": 3, "问啲乜": 4, "识做啲乜": 4, "做啲乜嘢": 4, "乜嘢": 2, "点样用": 4, "怎样用": 4, "机械人": 2, "机器人": 2, "how do i use": 4, "use this bot": 4, "this bot": 2, "bot": 1, "what can i ask you": 4,
        "你好": 3, "您好": 3, "嗨": 3, "哈喽": 3, "在吗": 3, "帮助": 4, "怎么用": 4, "能做什么": 4,
        "能干嘛": 4, "会什么": 4, "功能": 3, "使用说明": 4, "做啲咩": 3, "早上好": 3, "晚上好": 3,
        "下午好": 3, "谢谢": 3, "多谢": 3, "菜单": 3, "能帮我": 3, "可以帮我": 3, "帮我做": 3,
        "你是谁": 4, "干什么的": 3, "有什么用": 3, "怎么问": 4, "问什么": 3, "能答": 3,
        "hi": 3, "hello": 3, "hey": 3, "help": 4, "what can you do": 4, "how to use": 4,
        "start": 2, "menu": 3, "thanks": 3, "thank you": 3, "who are you": 4, "good morning": 3,
        "what do you know": 4, "commands": 3, "how does this work": 4, "what can i ask": 4,
        "can you help": 3, "howdy": 3, "greetings": 3,
    },
    OUT_OF_SCOPE: {
        "学位": 6, "博士学位": 6, "博士": 4, "phd": 5, "degree": 5,
        "同时申报": 6, "限项": 6, "能否申报": 5, "可以申报": 4, "汇率": 6, "exchange rate": 6, "usd": 3, "letter": 5, "support letter": 6, "合作协议": 5, "协议": 4, "外方": 4, "do i need": 4, "推荐信": 6, "签证": 6, "reimburse": 5, "报销": 6,
        "截止": 6, "截至": 5, "日期": 5, "什么时候": 5, "何时": 5, "几时": 5, "时间表": 5,
        "申报时间": 6, "开始时间": 5, "格式": 5, "模板": 5, "表格": 4, "填报": 4, "系统": 4,
        "登录": 6, "登陆": 6, "网址": 6, "网站": 5, "链接": 5, "联系": 5, "电话": 6, "邮箱": 6,
        "邮件": 5, "联系人": 6, "咨询": 4, "年龄": 6, "资格": 5, "条件": 4, "要求": 3, "限制": 3,
        "职称": 6, "学历": 6, "配套": 5, "申请人": 4, "天气": 6, "下雨": 6, "股票": 6, "笑话": 6,
        "评审": 5, "答辩": 6, "公示": 6, "结果": 3, "流程": 5, "怎么申请": 6, "如何申请": 6,
        "怎么申报": 6, "如何申报": 6, "步骤": 4, "签字": 6, "盖章": 6, "编制": 4, "间接费用": 6,
        "管理费": 6, "劳务费": 6, "材料": 2, "提交": 5, "附件": 3, "几号": 5, "哪天": 5,
        "月份": 5, "申请书": 5, "报名": 5, "审核": 5, "通过率": 6, "命中率": 6, "负责人": 3,
        "外籍": 5, "博士后": 5, "单位": 2, "地址": 6, "吃饭": 6, "电邮": 6, "手续": 5,
        "deadline": 6, "deadlines": 6, "due": 4, "when": 4, "date": 5, "dates": 5, "closing": 4,
        "form": 4, "forms": 4, "template": 5, "format": 4, "contact": 6, "email": 6, "e-mail": 6,
        "phone": 6, "telephone": 6, "portal": 5, "login": 6, "log in": 6, "website": 5,
        "url": 5, "link": 4, "eligibility": 6, "eligible": 6, "age": 4, "requirement": 4,
        "requirements": 4, "criteria": 4, "weather": 6, "rain": 5, "joke": 6, "apply": 3,
        "application process": 6, "submit": 5, "submission": 5, "review": 4, "evaluation": 4,
        "overhead": 5, "indirect costs": 6, "success rate": 6, "address": 5, "who should": 4,
        "documents": 4, "document": 3, "register": 5, "registration": 5, "stock": 5,
        "lunch": 5, "visa": 5, "salary": 5, "approval rate": 6,
    },
}

SUPERLATIVE_MAX = {"最不缺钱", "最富", "最多钱", "最大方", "最多", "最高", "最大", "最贵", "最有钱", "最丰厚", "之最", "第一", "排第一",
                   "most", "largest", "biggest", "highest", "max", "maximum", "top", "greatest",
                   "richest", "best funded", "best-funded", "largest budget", "most money",
                   "most projects", "best"}
SUPERLATIVE_MIN = {"最细", "最少钱", "最寒酸", "最少", "最低", "最小", "最便宜", "垫底", "最后一名", "最穷", "least", "smallest",
                   "lowest", "min", "minimum", "fewest", "cheapest", "worst funded", "bottom",
                   "least money", "poorest"}
RANKING = {"从高到低", "从低到高", "从多到少", "从少到多", "排一下", "排个序", "排下序", "sort", "sorted by", "排名", "排行", "排序", "前三", "前五", "前几", "ranking", "rank", "ranked", "sorted",
           "order by", "top 3", "top three", "top 5", "top five", "leaderboard"}
COMPARATIVE = {"比较", "对比", "相比", "比一比", "哪个多", "哪个少", "哪个高", "哪个低", "哪个大",
               "哪个小", "谁多", "谁少", "谁高", "谁大", "差多少", "差别", "区别", "差异", "还是",
               "更多", "更高", "更少", "更大", "vs", "v", "pk", "compare", "compared",
               "comparison", "versus", "difference", "differ", "more than", "less than", "bigger",
               "higher", "lower", "smaller", "which has more", "which is bigger", "side by side",
               "or", "than", "哪个", "边个", "那个多", "比"}
FOLLOWUP = {"呢", "那", "那么", "咁", "又点", "and", "what about", "how about", "also", "too",
            "same for", "then", "as for", "再", "还有", "又"}
PRONOUN = {"它们", "他们", "这些", "那些", "其中", "它", "这个方向", "该方向", "这几个", "这两个",
           "它俩", "佢哋", "呢啲", "嗰啲", "them", "those", "these", "they", "each of them", "it",
           "its", "their", "each one", "that one", "this one", "that programme", "this programme",
           "that direction", "this direction", "所有这些", "各自", "分别", "each"}
WHOLE_CALL = {"专项", "整个", "全部", "总共", "一共", "整体", "总体", "合计", "全体", "总",
              "whole", "entire", "overall", "in total", "altogether", "the call", "all together",
              "all directions", "all programmes", "all programs", "combined", "total"}

# Words that carry no entity: never fuzzy-matched against partner or topic names.
COMMON_ENGLISH = {
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "about", "from", "by",
    "at", "as", "is", "are", "was", "be", "it", "its", "this", "that", "these", "those", "what",
    "which", "who", "whom", "whose", "how", "much", "many", "does", "do", "did", "can", "could",
    "would", "should", "will", "may", "might", "there", "their", "they", "them", "we", "you",
    "your", "our", "me", "my", "i", "any", "all", "each", "every", "some", "more", "most",
    "less", "least", "than", "then", "also", "please", "tell", "give", "show", "list", "get",
    "gets", "got", "have", "has", "had", "fund", "funds", "funding", "funded", "budget",
    "money", "total", "amount", "project", "projects", "programme", "programmes", "program",
    "programs", "direction", "directions", "call", "calls", "average", "field", "fields", "area",
    "areas", "topic", "topics", "research", "support", "supports", "supported", "cover",
    "covers", "number", "count", "country", "countries", "partner", "partners", "compare",
    "versus", "between", "million", "per", "grant", "grants", "year", "years", "long", "period",
    "help", "hello", "thanks", "overview", "summary", "details", "detail", "info", "want",
    "know", "need", "like", "just", "only", "other", "else", "same", "one", "two", "three",
    "cooperation", "joint", "china", "chinese", "government", "intergovernmental", "notice",
    "again", "where", "when", "why", "here", "now", "focus", "main", "biggest", "largest",
    "smallest", "highest", "lowest", "fewest", "which", "option", "options", "spend", "spent",
    "cost", "costs", "price", "receive", "receives", "awarded", "awards", "apply", "applying",
    "could", "things", "thing", "stuff", "okay", "sure", "yes", "no", "not", "dont", "doesnt",
    "whats", "hows", "wheres", "science", "technology", "tech", "innovation", "international",
    "special", "key", "plan", "track", "tracks", "first", "second", "quick", "question",
    "questions", "answer", "lorem", "ipsum", "dolor", "test", "testing", "right", "wrong",
    "good", "great", "nice", "cool", "much", "money", "euro", "euros", "dollar", "dollars",
}

# Places people ask about that have no direction in the notice: answered "not in this call"
# instead of being fuzzy-matched to a partner that sounds alike.
OTHER_PLACES = {
    "日本": "Japan", "japan": "Japan", "美国": "the United States", "usa": "the United States",
    "united states": "the United States", "america": "the United States", "英国": "the UK",
    "uk": "the UK", "united kingdom": "the UK", "britain": "the UK", "法国": "France",
    "france": "France", "加拿大": "Canada", "canada": "Canada", "澳大利亚": "Australia",
    "澳洲": "Australia", "australia": "Australia", "印度": "India", "india": "India",
    "巴西": "Brazil", "brazil": "Brazil", "新加坡": "Singapore", "singapore": "Singapore",
    "瑞典": "Sweden", "sweden": "Sweden", "挪威": "Norway", "norway": "Norway",
    "丹麦": "Denmark", "denmark": "Denmark", "荷兰": "the Netherlands",
    "netherlands": "the Netherlands", "瑞士": "Switzerland", "switzerland": "Switzerland",
    "比利时": "Belgium", "belgium": "Belgium", "葡萄牙": "Portugal", "portugal": "Portugal",
    "希腊": "Greece", "greece": "Greece", "波兰": "Poland", "poland": "Poland",
    "匈牙利": "Hungary", "hungary": "Hungary", "新西兰": "New Zealand",
    "new zealand": "New Zealand", "埃及": "Egypt", "egypt": "Egypt", "墨西哥": "Mexico",
    "mexico": "Mexico", "智利": "Chile", "chile": "Chile", "泰国": "Thailand",
    "thailand": "Thailand", "越南": "Vietnam", "vietnam": "Vietnam", "朝鲜": "North Korea",
    "north korea": "North Korea", "台湾": "Taiwan", "taiwan": "Taiwan", "香港": "Hong Kong",
    "hong kong": "Hong Kong", "爱尔兰": "Ireland", "ireland": "Ireland", "土耳其": "Turkey",
    "turkey": "Turkey", "伊朗": "Iran", "iran": "Iran", "沙特": "Saudi Arabia",
    "saudi arabia": "Saudi Arabia", "巴基斯坦": "Pakistan", "pakistan": "Pakistan",
    "乌克兰": "Ukraine", "ukraine": "Ukraine", "捷克": "Czechia", "czech": "Czechia",
    "塞尔维亚": "Serbia", "serbia": "Serbia", "蒙古": "Mongolia", "mongolia": "Mongolia",
    "哈萨克斯坦": "Kazakhstan", "kazakhstan": "Kazakhstan", "印尼": "Indonesia",
    "印度尼西亚": "Indonesia", "indonesia": "Indonesia", "马来西亚": "Malaysia",
    "malaysia": "Malaysia", "菲律宾": "the Philippines", "philippines": "the Philippines",
    "尼日利亚": "Nigeria", "nigeria": "Nigeria", "肯尼亚": "Kenya", "kenya": "Kenya",
    "古巴": "Cuba", "cuba": "Cuba", "秘鲁": "Peru", "peru": "Peru", "冰岛": "Iceland",
    "iceland": "Iceland",
}
