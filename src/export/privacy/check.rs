//! What may still be a person's name on a public notice: a Chinese surname and one to three more
//! characters right after a word that usually introduces a person (由张三负责, 联系人：李四,
//! 业主王五). Only a heuristic, for the secretary to review before posting; masked names (王*兰)
//! are not listed, nor the words of our own texts (业主议事会, 委托代理人到会) or of everyday
//! notices (申请区级补贴, 由本单元业主分摊, 请于月底前).

use super::names::is_han;

/// Words after which a name usually follows.
const CUES: [&str; 16] = [
    "负责人",
    "联系人",
    "代理人",
    "受托人",
    "经办人",
    "发言人",
    "反映人",
    "户主",
    "联系",
    "业主",
    "委托",
    "由",
    "请",
    "找",
    "向",
    "叫",
];

/// Words that hold a cue without introducing anyone (申请 holds 请, 理由 and 由于 hold 由).
const NOT_CUES: &[&str] = &[
    "申请", "请于", "请在", "请勿", "请按", "请将", "理由", "自由", "缘由", "事由", "经由", "由于",
    "由此", "方向", "面向", "导向", "意向", "倾向", "去向", "动向", "走向", "朝向", "转向", "向上",
    "向下", "向外", "向内", "向前", "向后", "寻找", "查找", "叫做",
];

/// Surnames: the Hundred Family Surnames in use today and the common ones outside it (付, 代, 覃,
/// 闫 …). A name after a cue starts with one of these; compound surnames start with one too or
/// are listed in [`COMPOUND`].
const SURNAMES: &str = "\
    王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏\
    魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵\
    万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘\
    祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟\
    艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞\
    姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕\
    楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣\
    晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉\
    银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由代郦凤酆鄂隗卢\
    钮龚程嵇邢滑荀羊惠甄芮羿储靳汲邴糜松段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾\
    暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥苍双\
    闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习\
    宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融\
    冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚法汝鄢涂钦岳帅缑亢况\
    郈琴商牟佘佴伯赏墨哈谯笪年爱阳佟言福";

/// Compound surnames (a name with one is at least three characters long).
const COMPOUND: &[&str] = &[
    "欧阳", "司马", "诸葛", "司徒", "司空", "夏侯", "东方", "公孙", "慕容", "尉迟", "申屠", "闻人",
    "万俟", "钟离", "上官", "皇甫", "令狐", "长孙", "宇文", "澹台", "端木", "呼延", "轩辕", "拓跋",
    "西门", "南宫", "独孤", "赫连", "太叔", "亓官", "颛孙", "壤驷", "漆雕", "乐正", "夹谷", "巫马",
    "子车",
];

/// Words that start like a name but are not one (由物业公司, 请业主, 业主代表, 委托代理人,
/// 由本单元, 区级补贴): a surname character that begins an everyday word.
const NOT_NAMES: &[&str] = &[
    "物业", "社区", "居委", "业委", "业主", "全体", "小区", "公司", "街道", "本人", "其他", "相关",
    "大家", "各位", "居民", "代表", "委员", "书面", "电话", "现场", "会议", "开发", "单位", "政府",
    "同意", "反对", "弃权", "表决", "共同", "自行", "签字", "确认", "参与", "提出", "办理", "协商",
    "配合", "及时", "尽快", "大会", "人数", "面积", "姓名", "专有", "异议", "公示", "代理", "代为",
    "代表", "代签", "代办", "区级", "区里", "区政", "区住", "区房", "区民", "市级", "市里", "国家",
    "国有", "有关", "有意", "全部", "全楼", "全单", "全额", "时间", "明确", "明天", "明年", "文件",
    "文明", "公共", "公开", "公告", "公安", "安排", "安全", "安装", "常住", "方面", "方案", "方式",
    "关于", "关注", "高层", "高度", "平台", "平方", "原有", "原因", "原来", "成员", "成本", "和谐",
    "来访", "信息", "万元", "金额", "石材", "田地", "白天", "于本", "于会", "于次", "于当", "于每",
    "于下", "于此", "于今", "于近", "于月", "于年", "于周", "于上", "于节", "门口", "门禁", "门卫",
    "楼栋", "楼道", "楼长", "通知", "通过", "管理", "管道", "车位", "车库", "车辆", "应当", "邻居",
    "党员", "党支", "党组", "包括", "房屋", "房号", "户主", "承担", "施工", "计划", "边户", "都可",
    "能否", "可以", "项目", "宣传", "师傅", "司法", "商户", "商铺", "单元", "单独", "居住",
];

/// What ends the name of a place or a body, not a person (向红旗小区, 由华阳物业).
const PLACES: &[&str] = &[
    "小区",
    "社区",
    "街道",
    "公司",
    "物业",
    "大厦",
    "花园",
    "家园",
    "委员会",
    "居委会",
    "办事处",
    "派出所",
    "中心",
    "集团",
    "银行",
    "医院",
    "学校",
];

/// After a name: what a candidate of three or four characters ends with when the name itself is
/// shorter (由张三负责 → 张三).
const AFTER_NAME: &[&str] = &[
    "负责", "同志", "先生", "女士", "主任", "书记", "经理", "师傅", "阿姨", "老师", "等人", "提出",
    "反映", "同意", "签字", "联系", "办理", "到会", "出席", "参加", "代为", "发言", "表示", "说明",
    "介绍", "汇报", "协调", "落实", "跟进", "的", "等",
];

/// The suspicious passages of `text`: each cue with the name that may follow it.
pub fn suspicious(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(cue) = CUES.iter().find(|c| starts_with(&chars[i..], c)) else {
            i += 1;
            continue;
        };
        if not_a_cue(&chars, i) {
            i += 1;
            continue;
        }
        let mut j = i + cue.chars().count();
        while chars
            .get(j)
            .is_some_and(|c| matches!(c, '：' | ':' | ' ' | '\u{3000}'))
        {
            j += 1;
        }
        // A name and the word after it (张三丰负责).
        let han = chars[j..].iter().take_while(|c| is_han(**c)).count().min(6);
        let after = &chars[j..j + han];
        // Another cue right after (委托代理人): that one introduces the name, if any.
        if CUES.iter().any(|c| starts_with(after, c)) {
            i = j;
            continue;
        }
        if let Some(n) = name_length(after)
            && chars.get(j + han.min(4)) != Some(&'*')
        {
            out.push(chars[i..j + n].iter().collect());
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether the cue at `at` is part of a word that introduces nobody (申请, 由于).
fn not_a_cue(chars: &[char], at: usize) -> bool {
    NOT_CUES.iter().any(|w| {
        w.chars()
            .enumerate()
            .any(|(k, c)| c == chars[at] && at >= k && starts_with(&chars[at - k..], w))
    })
}

/// The length of the name that `after` (the Han characters after a cue) starts with, if it looks
/// like one: a surname, not an everyday word, two to four characters.
fn name_length(after: &[char]) -> Option<usize> {
    if after.len() < 2 || NOT_NAMES.iter().any(|w| starts_with(after, w)) {
        return None;
    }
    if (2..after.len()).any(|k| PLACES.iter().any(|w| starts_with(&after[k..], w))) {
        return None;
    }
    let compound = COMPOUND.iter().any(|w| starts_with(after, w));
    if !compound && !SURNAMES.contains(after[0]) {
        return None;
    }
    // The name ends where the words after a name begin (张三负责 → 张三).
    let shortest = if compound { 3 } else { 2 };
    let n = (shortest..after.len().min(5))
        .find(|&k| AFTER_NAME.iter().any(|w| starts_with(&after[k..], w)))
        .unwrap_or(after.len().min(4));
    Some(n)
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= n && chars[..n].iter().copied().eq(word.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_what_looks_like_a_name_after_a_cue() {
        assert_eq!(
            suspicious("由张三丰负责，联系人：李四。请物业公司配合，业主王*兰同意。"),
            vec!["由张三丰".to_string(), "联系人：李四".to_string()]
        );
        assert!(suspicious("全体业主同意，由物业公司办理。").is_empty());
    }

    #[test]
    fn real_names_are_listed_whatever_the_surname() {
        for (text, found) in [
            ("委托欧阳明华代为投票", "委托欧阳明华"),
            ("请司马光到会说明", "请司马光"),
            ("向于谦反映情况", "向于谦"),
            ("找代小红签字", "找代小红"),
            ("代理人区伟明", "代理人区伟明"),
            ("业主覃艳同意", "业主覃艳"),
            ("经办人：闫磊", "经办人：闫磊"),
            ("由诸葛亮负责", "由诸葛亮"),
            ("由上官婉儿负责", "由上官婉儿"),
            ("委托代理人李四（儿子）到会", "代理人李四"),
            ("户主 王秀兰", "户主 王秀兰"),
        ] {
            assert_eq!(suspicious(text), vec![found.to_string()], "{text}");
        }
    }

    #[test]
    fn everyday_words_after_a_cue_are_not_names() {
        for text in [
            "业主议事会（业主共同决定事项）",
            "委托代理人到会",
            "总造价约78万元，申请区级补贴后由本单元业主分摊。",
            "业主分摊总额",
            "请于2026年12月5日前交回本表决票。",
            "由业委会向街道办事处申请，请相关部门配合。",
            "业主代表三人，由全体业主推选。",
            "向上级反映，理由如下：由于时间紧，请尽快办理。",
            "由物业公司负责安装，业主自行承担费用。",
            "委托书由受托人签名，联系电话见公告。",
            "请在所选意见前打勾，请勿涂改。",
            "委托有资质的第三方机构审计，结果向红旗小区全体业主公示。",
        ] {
            assert!(
                suspicious(text).is_empty(),
                "{text}: {:?}",
                suspicious(text)
            );
        }
    }
}
