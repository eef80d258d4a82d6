// The texts of `onething explain`: for every code, what the rule protects, a wrong and
// a right example, and the fix, in both languages. One entry per code of
// `DiagnosticCode.catalogue`, in the same order.

extension DiagnosticCode {
    /// The explanation of every code, in code order.
    public static let explanations: [DiagnosticExplanation] =
        textExplanations + shapeExplanations
        + referenceExplanations + conditionExplanations + limitExplanations + catalogueExplanations
        + testExplanations + answerExplanations

    // MARK: OT1xx

    private static let textExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .yamlSyntax,
            protects: .init(
                en: "A file that is not valid YAML cannot be read at all: nothing in it is checked until the "
                    + "syntax is right, so the first mistake hides every other.",
                zh: "不符合 YAML 语法的文件完全无法读取：语法改正之前，文件中的其他内容都无法检查。"),
            wrong: "items:\n  register:\n    department：market-regulation\n    kind: registration",
            right: "items:\n  register:\n    department: market-regulation\n    kind: registration",
            fix: .init(
                en: "Look at the line shown and the one above: a key needs a half-width colon and a space "
                    + "('key: value'), not '：'; indentation uses spaces; quotes and brackets come in pairs.",
                zh: "检查所指的行和上一行：键后要用半角冒号加空格（“键: 值”），不能用“：”；缩进只用空格；引号和括号要成对。")),
        DiagnosticExplanation(
            code: .duplicateKey,
            protects: .init(
                en: "Only the first of two equal keys is read: the second item, material or answer would be "
                    + "silently lost, and the applicant would be told less than the bundle says.",
                zh: "同一层中两个相同的键只读取第一个：第二个事项、材料或答案会被悄悄丢掉，申请人得到的信息会少于文件所写。"),
            wrong: "items:\n  register:\n    name: 登记\n  register:\n    name: 烟草许可",
            right: "items:\n  register:\n    name: 登记\n  tobacco:\n    name: 烟草许可",
            fix: .init(
                en: "Give the second entry its own id, or merge the two into one entry.",
                zh: "为第二个条目另取标识，或把两者合并为一个条目。")),
        DiagnosticExplanation(
            code: .aliasBudget,
            protects: .init(
                en: "Aliases (*name) that expand to millions of values would make the validator and every "
                    + "service that reads the file run out of memory.",
                zh: "展开后数量巨大的别名（*名称）会让校验器和读取文件的服务耗尽内存。"),
            wrong:
                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
            right: "needs: [id-card, floor-plan]",
            fix: .init(
                en:
                    "Write the repeated part out; a bundle does not need aliases, and never an alias as a key.",
                zh: "请直接写出重复的内容；一件事文件不需要别名，更不能用别名作键。")),
        DiagnosticExplanation(
            code: .nestingTooDeep,
            protects: .init(
                en: "Unbounded nesting is how hostile files exhaust the reader; no bundle nests this deep.",
                zh: "无限嵌套是恶意文件耗尽读取器资源的手段；正常的一件事文件不会嵌套这么深。"),
            wrong:
                "a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            right: "needs: [id-card, floor-plan]",
            fix: .init(
                en: "Check the indentation and that every '[' and '{' is closed.",
                zh: "请检查缩进，以及每个“[”“{”是否都已闭合。")),
        DiagnosticExplanation(
            code: .fileTooLarge,
            protects: .init(
                en:
                    "A file far larger than any bundle is almost always the wrong file (an export, an image); "
                    + "reading it would cost time and memory for nothing.",
                zh: "远大于一件事文件的文件几乎都是选错了（导出数据、图片）；读取它只会白白耗费时间和内存。"),
            wrong: .init(
                en: "a 20 MiB data export saved as bundle.yaml", zh: "一个 20 MiB 的数据导出文件被存为 bundle.yaml"),
            right: .init(en: "the bundle file itself, a few KiB", zh: "一件事文件本身，通常只有几 KiB"),
            fix: .init(
                en: "Name the right file; split generated data out of the bundle.",
                zh: "请确认文件选对；把生成的数据从一件事文件中分出去。")),
        DiagnosticExplanation(
            code: .notText,
            protects: .init(
                en: "Chinese text saved in GBK or as a Word document would be read as garbage: names and "
                    + "labels shown to applicants would be wrong.",
                zh: "以 GBK 编码或 Word 格式保存的中文会被读成乱码：展示给申请人的名称和问题都会出错。"),
            wrong: .init(en: "a bundle saved as GBK (ANSI) by an old editor", zh: "旧编辑器以 GBK（ANSI）编码保存的文件"),
            right: .init(en: "the same file saved as UTF-8", zh: "同一文件另存为 UTF-8 编码"),
            fix: .init(
                en: "Save the file as UTF-8 (\"Save as\" → encoding UTF-8), not GBK, and not as .docx.",
                zh: "请把文件另存为 UTF-8 编码（“另存为”→ 编码选 UTF-8），不要用 GBK，也不要存成 .docx。")),
        DiagnosticExplanation(
            code: .tabIndentation,
            protects: .init(
                en:
                    "YAML reads indentation to know what belongs to what; a tab is shown differently by every "
                    + "editor, so YAML forbids it.",
                zh: "YAML 靠缩进判断层级；制表符在不同编辑器中显示宽度不同，所以 YAML 不允许用它缩进。"),
            wrong: "items:\n\tregister:",
            right: "items:\n  register:",
            fix: .init(
                en: "Replace the tab with spaces; set the editor to insert spaces for Tab.",
                zh: "请把制表符换成空格；可把编辑器设置为按 Tab 键插入空格。")),
        DiagnosticExplanation(
            code: .emptyFile,
            protects: .init(
                en: "An empty file in the bundles folder is a bundle that was meant to be written; it is not "
                    + "skipped silently.",
                zh: "一件事文件夹中的空文件说明本应写好的文件没有写；不会被悄悄跳过。"),
            wrong: "# 开办餐饮店一件事（待补充）",
            right: "id: open-restaurant\ntitle: 开办餐饮店一件事\n…",
            fix: .init(
                en: "Write the bundle, or remove the file.",
                zh: "请把一件事的内容写完整，或删除该文件。")),
        DiagnosticExplanation(
            code: .multipleDocuments,
            protects: .init(
                en: "A file is one bundle; a second document after '---' would be ignored by the services "
                    + "that read the first.",
                zh: "一个文件就是一件事；“---”之后的第二个文档会被只读第一个文档的服务忽略。"),
            wrong: "id: open-restaurant\n…\n---\nid: open-supermarket",
            right:
                "# open-restaurant.yaml\nid: open-restaurant\n…\n# open-supermarket.yaml\nid: open-supermarket",
            fix: .init(
                en: "Put each bundle in its own file, or delete the '---' line.",
                zh: "请把每件事放在单独的文件中，或删除“---”这一行。")),
        DiagnosticExplanation(
            code: .complexKey,
            protects: .init(
                en:
                    "Ids and field names are looked up as text; a list or mapping used as a key cannot be named "
                    + "anywhere else.",
                zh: "标识和字段名都按文字查找；用列表或映射作键，别处就无法引用它。"),
            wrong: "items:\n  ? [register, tobacco]\n  : {name: 登记}",
            right: "items:\n  register: {name: 登记}",
            fix: .init(
                en: "Write the key as plain text followed by ': '.",
                zh: "请把键写成普通文字，后接“: ”。")),
        DiagnosticExplanation(
            code: .jsonSyntax,
            protects: .init(
                en: "An applicant's answers that cannot be read would give a plan for answers nobody gave.",
                zh: "无法读取的申请人答案会导致按并非申请人所填的答案生成办事计划。"),
            wrong: "{\"venue.area_m2\": 50,}",
            right: "{\"venue.area_m2\": 50}",
            fix: .init(
                en:
                    "Check the position shown: quotes around keys, commas between entries, none after the last.",
                zh: "检查所指的位置：键要加双引号，各项之间用逗号，最后一项后面不加逗号。")),
    ]

    // MARK: OT2xx

    private static let shapeExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .unknownKey,
            protects: .init(
                en:
                    "A misspelt key is not read: what it says (a description, a legal limit) would be missing "
                    + "from plans and notices without anyone noticing.",
                zh: "拼错的键不会被读取：它所写的内容（说明、法定时限）会在办事计划和告知中悄悄缺失。"),
            wrong: "  register:\n    name: 登记\n    departmnet: market-regulation",
            right: "  register:\n    name: 登记\n    department: market-regulation",
            fix: .init(
                en:
                    "Correct the spelling as the hint says; grammar/bundle-format.md lists every key of every place.",
                zh: "请按提示改正拼写；grammar/bundle-format.md 列出了每处可用的键。")),
        DiagnosticExplanation(
            code: .missingKey,
            protects: .init(
                en:
                    "Some facts every item needs (its department, its promise): without them no plan can be made.",
                zh: "有些信息每个事项都必须有（办理部门、承诺时限）：缺了就无法生成办事计划。"),
            wrong: "  register:\n    name: 登记\n    kind: registration",
            right:
                "  register:\n    name: 登记\n    department: market-regulation\n    kind: registration\n    promised: 1 workday",
            fix: .init(
                en: "Add the key named, with its value after ': '.",
                zh: "请补上所指的键，并在“: ”后填写值。")),
        DiagnosticExplanation(
            code: .wrongType,
            protects: .init(
                en:
                    "A value of the wrong kind (text where a list belongs) would be read as something else than "
                    + "the writer meant.",
                zh: "类型不对的值（该写列表处写了文字）会被读成与本意不同的内容。"),
            wrong: "    needs: id-card\n    online: 是",
            right: "    needs: [id-card]\n    online: true",
            fix: .init(
                en: "Write the kind of value named: a list in [ ], true or false, a number without quotes.",
                zh: "请按所要求的类型填写：列表写在 [ ] 中，布尔值写 true 或 false，数字不加引号。")),
        DiagnosticExplanation(
            code: .badDuration,
            protects: .init(
                en: "Time limits are counted on the working-day calendar; a limit without a unit could be "
                    + "working days or calendar days, which differ by weeks.",
                zh: "时限要按工作日历计算；没有单位的时限可能是工作日也可能是自然日，两者可相差数周。"),
            wrong: "    promised: 5",
            right: "    promised: 5 workdays   # or 5个工作日, 15日, 4小时",
            fix: .init(
                en: "Write a number and a unit: workdays (工作日), days (日, calendar days), hours, months.",
                zh: "请写数字加单位：工作日、日（自然日）、小时、个月。")),
        DiagnosticExplanation(
            code: .badValue,
            protects: .init(
                en:
                    "A value of the right type can still be impossible (February 30, a negative fee); it would "
                    + "end up in an applicant's notice.",
                zh: "类型正确的值也可能不成立（2月30日、负数收费）；它会出现在申请人的告知中。"),
            wrong: "effective: 2025-02-30",
            right: "effective: 2025-02-28",
            fix: .init(
                en: "Write one of the values the hint lists, or a date that exists.",
                zh: "请填写提示中列出的可选值，或一个真实存在的日期。")),
        DiagnosticExplanation(
            code: .badIdentifier,
            protects: .init(
                en:
                    "Ids are how items, materials and departments refer to each other and how systems exchange "
                    + "cases; they must be spelt one way only.",
                zh: "标识是事项、材料、部门之间互相引用以及各系统交换办件的依据，只能有一种写法。"),
            wrong: "items:\n  Food_Permit:\n    department: 税务局",
            right: "items:\n  food-permit:\n    department: tax",
            fix: .init(
                en:
                    "Use lowercase English words joined by '-'; where a department or material is meant, write "
                    + "its id from the catalogue, not its Chinese name.",
                zh: "请用小写英文单词加“-”；引用部门或材料时写目录中的标识，而不是中文名称。")),
        DiagnosticExplanation(
            code: .duplicateName,
            protects: .init(
                en:
                    "Two entries with one name (two test cases, a material and an output) cannot be told apart "
                    + "by whoever refers to them.",
                zh: "同名的两个条目（两个测试用例、同名的材料和证照）在引用时无法区分。"),
            wrong: "tests:\n  - name: 小店\n    …\n  - name: 小店\n    …",
            right: "tests:\n  - name: 小店，不售烟\n    …\n  - name: 小店，售烟\n    …",
            fix: .init(
                en: "Give each entry its own name.",
                zh: "请为每一项取不同的名字。")),
        DiagnosticExplanation(
            code: .fallbackMissing,
            protects: .init(
                en:
                    "An electronic licence or shared-data service is sometimes down or has no record of the "
                    + "applicant; the bundle says what the office does then, so that the applicant is told "
                    + "in time and no case waits for ever. Without a fallback the applicant is asked to bring "
                    + "the material on paper.",
                zh: "电子证照或数据共享服务有时不可用，或查不到申请人的记录；一件事应写明此时窗口怎么办，"
                    + "让申请人及时知道，也不让办件无限期等待。未写明时，将请申请人提交纸质材料。"),
            wrong: "  id-card:\n    name: 居民身份证\n    source: e-licence",
            right: "  id-card:\n    name: 居民身份证\n    source: e-licence\n    fallback: paper",
            fix: .init(
                en: "Add 'fallback: paper' (the applicant brings it) or 'fallback: {wait: 2 workdays}' (the "
                    + "steps that need it wait for the service, at most that long).",
                zh: "请添加“fallback: paper”（请申请人提交），或“fallback: {wait: 2 workdays}”"
                    + "（需要它的事项等待系统提供，最多等待这么久）。")),
    ]

    // MARK: OT3xx

    private static let referenceExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .unknownDepartment,
            protects: .init(
                en: "The department decides where the case goes; an unknown one means the case would be sent "
                    + "nowhere.",
                zh: "办理部门决定办件分送到哪里；未知的部门意味着办件无处可送。"),
            wrong: "    department: 税务局",
            right: "    department: tax",
            fix: .init(
                en: "Write the department's id from catalogue/departments.yaml (the hint names the closest); "
                    + "add the department there if it is new.",
                zh: "请写 catalogue/departments.yaml 中的部门标识（提示列出了最接近的部门）；若是新部门，请先在目录中添加。")),
        DiagnosticExplanation(
            code: .unknownMaterial,
            protects: .init(
                en: "Every material an applicant is asked for must be declared with its name and source; an "
                    + "undeclared one would appear in the checklist as a bare id.",
                zh: "要求申请人提交的每种材料都必须声明名称和来源；未声明的材料会以标识的形式出现在材料清单中。"),
            wrong: "    needs: [居民身份证, floor-plan]",
            right: "    needs: [id-card, floor-plan]",
            fix: .init(
                en:
                    "Write the material's id; declare it under 'materials:' or in catalogue/materials.yaml if new.",
                zh: "请写材料的标识；若是新材料，请在“materials:”或 catalogue/materials.yaml 中声明。")),
        DiagnosticExplanation(
            code: .unknownOutput,
            protects: .init(
                en: "An item that issues an undeclared output gives the applicant a licence nobody can name.",
                zh: "事项产出未声明的证照，申请人拿到的证照就没有名称。"),
            wrong: "    produces: [licnce]",
            right: "outputs:\n  licence: {name: 营业执照}\n…\n    produces: [licence]",
            fix: .init(
                en: "Correct the id, or declare the output under 'outputs:'.",
                zh: "请改正标识，或在“outputs:”下声明该证照。")),
        DiagnosticExplanation(
            code: .unknownItem,
            protects: .init(
                en: "An order ('after:') or a test that names an item that does not exist would silently "
                    + "order nothing or test nothing.",
                zh: "“after:”或测试中引用不存在的事项，会悄悄地什么也不排序、什么也不测试。"),
            wrong: "    after: [registr]",
            right: "    after: [register]",
            fix: .init(
                en:
                    "Correct the id to one under 'items:'; if an item could not be read, fix that item first.",
                zh: "请改为“items:”下已有的标识；如果某个事项读取失败，请先修正该事项。")),
        DiagnosticExplanation(
            code: .unknownInspection,
            protects: .init(
                en:
                    "A joint inspection is one visit shared by several items; an unknown one would leave each "
                    + "department to visit alone.",
                zh: "联合勘验是多个事项共用的一次现场勘验；未知的勘验会让各部门各自上门。"),
            wrong: "    inspection: site-visti",
            right:
                "inspections:\n  site-visit: {name: 联合勘验, duration: 2 workdays}\n…\n    inspection: site-visit",
            fix: .init(
                en: "Correct the id, or declare the inspection under 'inspections:'.",
                zh: "请改正标识，或在“inspections:”下声明该勘验。")),
        DiagnosticExplanation(
            code: .unusedMaterial,
            protects: .init(
                en:
                    "A material declared but never needed is usually a need that was forgotten: the checklist "
                    + "would miss it.",
                zh: "声明了却没有事项需要的材料，通常是漏写了“needs”：材料清单会因此少列。"),
            wrong: "materials:\n  floor-plan: {name: 平面图}\nitems:\n  register:\n    needs: [id-card]",
            right:
                "materials:\n  floor-plan: {name: 平面图}\nitems:\n  register:\n    needs: [id-card, floor-plan]",
            fix: .init(
                en: "Add it to the 'needs:' of the items that need it, or remove it.",
                zh: "请把它加入需要它的事项的“needs:”，或删除它。")),
        DiagnosticExplanation(
            code: .unusedOutput,
            protects: .init(
                en:
                    "An output nobody issues is usually a 'produces:' that was forgotten: the applicant would "
                    + "not be told what they receive.",
                zh: "没有事项产出的证照通常是漏写了“produces:”：申请人不会被告知将拿到什么。"),
            wrong: "outputs:\n  licence: {name: 营业执照}\nitems:\n  register: {…}",
            right: "outputs:\n  licence: {name: 营业执照}\nitems:\n  register: {…, produces: [licence]}",
            fix: .init(
                en: "Add it to the 'produces:' of the item that issues it, or remove it.",
                zh: "请把它加入出具它的事项的“produces:”，或删除它。")),
        DiagnosticExplanation(
            code: .outputNeverProduced,
            protects: .init(
                en: "An item that waits for an output no item issues would wait for ever.",
                zh: "等待一个没有事项出具的证照，事项就会永远等下去。"),
            wrong: "  tobacco:\n    needs: [licence]   # no item produces licence",
            right: "  register:\n    produces: [licence]\n  tobacco:\n    needs: [licence]",
            fix: .init(
                en: "Add the output to the 'produces:' of the item that issues it.",
                zh: "请在出具它的事项的“produces:”中加入该证照。")),
        DiagnosticExplanation(
            code: .outputProducedTwice,
            protects: .init(
                en: "One applicant must not receive the same licence from two departments.",
                zh: "同一申请人不应从两个部门拿到同一份证照。"),
            wrong: "  register: {produces: [licence]}\n  change: {produces: [licence]}",
            right:
                "  register: {when: not business.registered, produces: [licence]}\n  change: {when: business.registered, produces: [licence]}",
            fix: .init(
                en: "Let one item issue it, or give the two items conditions that never hold together.",
                zh: "请只让一个事项出具它，或给两个事项设置互斥的条件。")),
        DiagnosticExplanation(
            code: .dependencyCycle,
            protects: .init(
                en: "Items that wait for each other in a circle can never start.",
                zh: "事项之间循环等待，谁也无法开始。"),
            wrong: "  a: {after: [b]}\n  b: {after: [a]}",
            right: "  a: {}\n  b: {after: [a]}",
            fix: .init(
                en: "Remove one 'after:' or 'needs:' of the circle so the order has a start.",
                zh: "请删去环中的一处“after:”或“needs:”，使办理顺序有起点。")),
        DiagnosticExplanation(
            code: .lonelyInspection,
            protects: .init(
                en:
                    "A joint inspection with one item is not joint: it promises the applicant one visit where "
                    + "nothing is shared.",
                zh: "只有一个事项参加的联合勘验名不副实：对申请人承诺的“一次勘验”并没有合并任何事。"),
            wrong: "  food-permit: {inspection: site-visit}\n  fire-check: {}",
            right: "  food-permit: {inspection: site-visit}\n  fire-check: {inspection: site-visit}",
            fix: .init(
                en: "Name it in every item that takes part, or remove it.",
                zh: "请在每个参加的事项中写上它，或删除它。")),
        DiagnosticExplanation(
            code: .leadUndetermined,
            protects: .init(
                en: "Every case needs one lead department that the applicant deals with; some answers would "
                    + "leave the applicant without one.",
                zh: "每个办件都需要一个牵头部门与申请人对接；某些答案下申请人会找不到牵头部门。"),
            wrong: "lead:\n  - when: death.place == \"hospital\"\n    department: health",
            right:
                "lead:\n  - when: death.place == \"hospital\"\n    department: health\n  - department: civil-affairs",
            fix: .init(
                en: "End the rules with a default: a rule with 'department:' and no 'when:'.",
                zh: "请在规则最后加一条只写“department:”、不写“when:”的默认规则。")),
        DiagnosticExplanation(
            code: .outputNotIssued,
            protects: .init(
                en:
                    "A certificate the bundle issues only to some applicants must not be asked of the others: "
                    + "the family of a buried person cannot bring a 火化证明 that nobody issues them.",
                zh: "本件事只为部分申请人出具的证明，不能向其他申请人索要：土葬逝者的家属拿不出任何部门都不会为其出具的火化证明。"),
            wrong:
                "  cremation-certificate: {when: funeral.cremation, produces: [cremation-certificate]}\n"
                + "  funeral-grant: {needs: [cremation-certificate]}",
            right:
                "  cremation-certificate: {when: funeral.cremation, produces: [cremation-certificate]}\n"
                + "  funeral-grant: {needs: [{material: cremation-certificate, when: funeral.cremation}]}",
            fix: .init(
                en: "Give the need the condition under which the output is issued ({material: ID, when: …}), "
                    + "or let an 'any-of' offer a material the applicant can bring instead.",
                zh: "请为该所需材料加上出具它的条件（{material: 标识, when: …}），或用“any-of”列出申请人可以改交的材料。")),
        DiagnosticExplanation(
            code: .unknownParty,
            protects: .init(
                en: "The notice tells each party what to bring; a material from a party the bundle does not "
                    + "declare would be told to nobody.",
                zh: "告知书按当事人列出各自提交的材料；由未声明的当事人提交的材料，不会告知任何人。"),
            wrong:
                "parties:\n  buyer: {name: 买方, kind: buyer}\nitems:\n  filing:\n"
                + "    needs: [{material: id-card, from: [buyer, seler]}]",
            right:
                "parties:\n  buyer: {name: 买方, kind: buyer}\n  seller: {name: 卖方, kind: seller}\nitems:\n"
                + "  filing:\n    needs: [{material: id-card, from: [buyer, seller]}]",
            fix: .init(
                en:
                    "Name a party declared under 'parties:' by its id (not its Chinese name), or declare it there.",
                zh: "请用“parties:”下已声明的当事人标识（而不是中文名称），或在“parties:”下声明该当事人。")),
        DiagnosticExplanation(
            code: .unusedParty,
            protects: .init(
                en: "A party declared but never named in a need's 'from:' or a field's 'party:' is usually a "
                    + "'from:' that was forgotten: the notice would not tell that party what to bring.",
                zh: "声明了却没有任何所需材料（from:）或表单字段（party:）用到的当事人，通常是漏写了“from:”：告知书不会告诉该当事人要带什么。"),
            wrong:
                "parties:\n  buyer: {name: 买方, kind: buyer}\n  bank: {name: 贷款银行, kind: bank}\nitems:\n"
                + "  mortgage:\n    needs: [{material: loan-contract, from: [buyer]}]",
            right:
                "parties:\n  buyer: {name: 买方, kind: buyer}\n  bank: {name: 贷款银行, kind: bank}\nitems:\n"
                + "  mortgage:\n    needs: [{material: loan-contract, from: [buyer, bank]}]",
            fix: .init(
                en: "Add the party to the 'from:' of the needs it brings (or the 'party:' of its questions), "
                    + "or remove it.",
                zh: "请把该当事人加入其提交的所需材料的“from:”（或其表单字段的“party:”），或删除它。")),
    ]

    // MARK: OT4xx

    private static let conditionExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .conditionSyntax,
            protects: .init(
                en: "A condition decides who must do an item; one that cannot be read decides nothing.",
                zh: "条件决定哪些申请人要办某个事项；无法解析的条件什么也决定不了。"),
            wrong: "    when: venue.area_m2 > 10 并且 business.sells_tobacco",
            right: "    when: venue.area_m2 > 10 and business.sells_tobacco",
            fix: .init(
                en:
                    "Use and, or, not, ==, !=, <, <=, >, >=, in [ ], parentheses, and quotes around text values.",
                zh: "请使用 and、or、not、==、!=、<、<=、>、>=、in [ ] 和括号；文字值要加引号。")),
        DiagnosticExplanation(
            code: .unknownField,
            protects: .init(
                en: "A condition that reads a field the form never asks can never be answered.",
                zh: "条件读取表单中没有的字段，申请人就永远无法回答。"),
            wrong: "    when: venue.area > 10",
            right: "    when: venue.area_m2 > 10",
            fix: .init(
                en: "Correct the field id to one under 'form:', or add the question to the form.",
                zh: "请改为“form:”下已有的字段标识，或在表单中添加该问题。")),
        DiagnosticExplanation(
            code: .conditionType,
            protects: .init(
                en: "Comparing a yes/no answer with a number, or text with a date, is never what was meant.",
                zh: "把是/否答案和数字比较、把文字和日期比较，都不会是本意。"),
            wrong: "    when: business.sells_tobacco > 10",
            right: "    when: business.sells_tobacco and venue.area_m2 > 10",
            fix: .init(
                en: "Compare each field with a value of its own type (see its 'type:' in the form).",
                zh: "请让每个字段与同类型的值比较（见表单中该字段的“type:”）。")),
        DiagnosticExplanation(
            code: .undeclaredEnumValue,
            protects: .init(
                en: "A value the field does not offer can never be chosen: the item would never apply.",
                zh: "字段不提供的选项永远不会被选中：事项永远不会适用。"),
            wrong: "    when: death.place == \"home\"   # values: [hospital, outside-hospital]",
            right: "    when: death.place == \"outside-hospital\"",
            fix: .init(
                en: "Use one of the values listed under the field's 'values:', or add the value there.",
                zh: "请使用字段“values:”中列出的值，或先在那里添加该值。")),
        DiagnosticExplanation(
            code: .conditionNeverTrue,
            protects: .init(
                en:
                    "An item whose condition can never hold is never planned: applicants who need it are not told.",
                zh: "条件永远不成立的事项永远不会列入计划：需要办理的申请人得不到告知。"),
            wrong: "    when: venue.area_m2 > 10 and venue.area_m2 < 5",
            right: "    when: venue.area_m2 > 10",
            fix: .init(
                en: "Check the comparisons and bounds; 'and' may have been meant as 'or'.",
                zh: "请检查比较和取值范围；“and”可能本应是“or”。")),
        DiagnosticExplanation(
            code: .unusedField,
            protects: .init(
                en:
                    "Every question costs the applicant time; one whose answer nothing uses should not be asked.",
                zh: "每个问题都耗费申请人的时间；答案没有被使用的问题不应该问。"),
            wrong: "form:\n  venue.floor: {type: integer, label: 所在楼层}   # no condition reads it",
            right: "form:\n  venue.area_m2: {type: number, label: 面积}   # read by a 'when:'",
            fix: .init(
                en: "Remove the field, or use it in the condition it was meant for.",
                zh: "请删去该字段，或在本应使用它的条件中使用它。")),
        DiagnosticExplanation(
            code: .conditionTooComplex,
            protects: .init(
                en:
                    "A condition too long or too deep cannot be checked for every applicant, nor read by staff.",
                zh: "过长或嵌套过深的条件既无法对所有申请人核对，也难以被工作人员读懂。"),
            wrong: "    when: ((((((((((((((((((((a))))))))))))))))))))",
            right: "    when: a and b",
            fix: .init(
                en: "Split it: move parts into the form as their own questions, or simplify.",
                zh: "请拆分：把部分内容改为表单中单独的问题，或加以简化。")),
        DiagnosticExplanation(
            code: .badField,
            protects: .init(
                en: "A question whose bounds or choices contradict themselves cannot be answered.",
                zh: "取值范围或选项自相矛盾的问题无法回答。"),
            wrong: "  venue.area_m2: {type: number, label: 面积, min: 100, max: 10}",
            right: "  venue.area_m2: {type: number, label: 面积, min: 0, max: 10000}",
            fix: .init(
                en: "Make 'min' not larger than 'max', and list each enum value once.",
                zh: "请让“min”不大于“max”，每个选项只列一次。")),
        DiagnosticExplanation(
            code: .needNeverApplies,
            protects: .init(
                en:
                    "A need whose condition contradicts its item's is never asked of anyone: the material the "
                    + "bundle means to ask for is silently dropped.",
                zh: "所需材料的条件与其事项的条件互相矛盾时，该材料不会向任何人索要：文件本想要求的材料被悄悄漏掉。"),
            wrong:
                "  funeral-grant:\n    when: funeral.cremation\n"
                + "    needs: [{material: burial-record, when: not funeral.cremation}]",
            right:
                "  funeral-grant:\n    needs: [{material: cremation-certificate, when: funeral.cremation}, "
                + "{material: burial-record, when: not funeral.cremation}]",
            fix: .init(
                en: "Correct the need's condition, or the item's; a need the item never uses can be removed.",
                zh: "请改正所需材料或事项的条件；事项永远用不到的所需材料可以删去。")),
        DiagnosticExplanation(
            code: .needFromAbsentParty,
            protects: .init(
                en:
                    "A party takes part only where its 'when:' holds; a need from a party that never takes part "
                    + "where the need applies is asked of nobody: that party's copy is silently dropped.",
                zh: "当事人只在其“when:”成立时参与；在所需材料适用时永远不参与的当事人，不会被要求提交该材料：这一份材料被悄悄漏掉。"),
            wrong:
                "parties:\n  bank: {name: 贷款银行, kind: bank, when: buyer.loan}\nitems:\n  transfer:\n"
                + "    when: not buyer.loan\n    needs: [{material: loan-contract, from: [bank]}]",
            right:
                "parties:\n  bank: {name: 贷款银行, kind: bank, when: buyer.loan}\nitems:\n  mortgage:\n"
                + "    when: buyer.loan\n    needs: [{material: loan-contract, from: [bank]}]",
            fix: .init(
                en: "Correct the party's condition, the need's or the item's, or take the party out of the "
                    + "need's 'from:'.",
                zh: "请改正当事人、所需材料或事项的条件，或把该当事人从所需材料的“from:”中删去。")),
        DiagnosticExplanation(
            code: .resultNotYetKnown,
            protects: .init(
                en:
                    "A result produced in the case (result.<output-id>, the 残疾等级 of an assessment) is known "
                    + "only once the item producing it has decided. A condition read earlier, at acceptance or "
                    + "on an item that does not wait for it, would be decided on a value nobody has yet.",
                zh: "办理中作出的结果（result.<证照/结果 id>，如评定的残疾等级）要等产出它的事项办结后才知道；"
                    + "在受理时或在不等待它的事项上读取，就是按一个还没有人作出的值来决定。"),
            wrong:
                "items:\n  assessment: {produces: [grade], …}\n  nursing-subsidy:\n"
                + "    when: result.grade in [\"一级\", \"二级\"]\n    needs: [application]",
            right:
                "items:\n  assessment: {produces: [grade], …}\n  nursing-subsidy:\n"
                + "    when: result.grade in [\"一级\", \"二级\"]\n    needs: [grade]",
            fix: .init(
                en: "Make the item wait for the one producing the result (need its output, or name it in "
                    + "'after:'), or ask the applicant on the form instead.",
                zh: "请让该事项等待作出结果的事项（需要其产出的证照/结果，或写入“after:”），或改为在表单中询问申请人。")),
    ]

    // MARK: OT5xx

    private static let limitExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .promiseExceedsLegal,
            protects: .init(
                en:
                    "A promise may be shorter than the law allows, never longer: a promise that can end after "
                    + "the legal limit tells the applicant a date the law does not permit. 日 in a law are "
                    + "calendar days: they are compared on the calendar, start date by start date.",
                zh: "承诺时限只能短于法定时限，不能更长：可能晚于法定时限届满的承诺，等于告诉申请人一个法律不允许的日期。"
                    + "法律中的“日”指自然日，按日历逐个受理日比较。"),
            wrong: .init(
                en: "    legal: 5日\n    promised: 5 workdays   # ends after 5日 when accepted on a Tuesday",
                zh: "    legal: 5日\n    promised: 5 workdays   # 周二受理时晚于5日届满"),
            right: .init(
                en: "    legal: 5日\n    promised: 3 workdays   # or: promised: 5日",
                zh: "    legal: 5日\n    promised: 3 workdays   # 或：promised: 5日"),
            fix: .init(
                en: "Promise at most what the hint names: the largest promise that ends no later in ordinary "
                    + "weeks, or the one that ends no later on every start date, long holidays included; or write "
                    + "the promise in the legal limit's unit.",
                zh: "请把承诺时限改为不超过提示给出的值：平常各周都不晚于法定时限届满的最长承诺，或连长假前受理也不晚于法定时限的最长承诺；"
                    + "或按法定时限的单位写承诺。")),
        DiagnosticExplanation(
            code: .coreMaterialDeferrable,
            protects: .init(
                en:
                    "A core material (主要材料) decides whether a case can be accepted; it cannot follow later (容缺).",
                zh: "主要材料决定能否受理，不能容缺后补。"),
            wrong: "  floor-plan: {name: 平面图, core: true, deferrable: 5 workdays}",
            right: "  floor-plan: {name: 平面图, core: true}",
            fix: .init(
                en: "Remove 'deferrable', or mark the material as not core if the law allows it to follow.",
                zh: "请删去“deferrable”；若法律允许后补，请不要标为主要材料。")),
        DiagnosticExplanation(
            code: .promiseBrokenInWorstCase,
            protects: .init(
                en:
                    "The bundle's promise is made to every applicant; for the answers named, the items on the "
                    + "critical path take longer than promised.",
                zh: "一件事的承诺时限是对每位申请人的承诺；在所列答案下，关键路径上的事项用时超过承诺。"),
            wrong: "promise: 4 workdays\n# register 1 workday → tobacco 5 workdays = 6",
            right: "promise: 6 workdays",
            fix: .init(
                en: "Promise at least the critical path's length, or shorten the promises on that path.",
                zh: "请把承诺时限设为不少于关键路径的长度，或缩短该路径上事项的承诺时限。")),
        DiagnosticExplanation(
            code: .worstCaseIncomplete,
            protects: .init(
                en: "The promise is checked for every combination of answers; when there are too many, some "
                    + "applicants were not checked.",
                zh: "承诺时限要对每种答案组合核对；组合过多时，部分申请人未被核对。"),
            wrong: "    when: a and b and c and d and … (20 fields in one condition)",
            right: "    when: a and b\n    # another item: when: c and d",
            fix: .init(
                en: "Split conditions so each reads only the fields it needs.",
                zh: "请拆分条件，让每个条件只涉及必要的字段。")),
        DiagnosticExplanation(
            code: .deferralExceedsPromise,
            protects: .init(
                en: "A material allowed to follow later (容缺) after the item is due would be asked for after "
                    + "the decision; likewise an item may not wait for a fetched material "
                    + "('fallback: {wait: …}') longer than it promised.",
                zh: "容缺材料的补交期限晚于事项办结时间，就会在作出决定之后才要求补交；同样，事项等待系统提供材料"
                    + "（“fallback: {wait: …}”）的时间也不得超过其承诺时限。"),
            wrong:
                "  floor-plan: {deferrable: 10 workdays}\n  register: {promised: 5 workdays, needs: [floor-plan]}",
            right:
                "  floor-plan: {deferrable: 5 workdays}\n  register: {promised: 5 workdays, needs: [floor-plan]}",
            fix: .init(
                en:
                    "Shorten the deadline (or the wait) to at most the promise of every item that needs the material.",
                zh: "请把补交期限（或等待期限）缩短到不超过需要该材料的各事项的承诺时限。")),
        DiagnosticExplanation(
            code: .missingBasis,
            protects: .init(
                en:
                    "Every item rests on a law or a local rule; without its basis an auditor cannot check its "
                    + "limits or materials.",
                zh: "每个事项都有法律或地方规定作依据；没有依据，审核者就无法核对其时限和材料。"),
            wrong: "  register:\n    name: 登记\n    legal: 3 workdays",
            right:
                "  register:\n    name: 登记\n    legal: 3 workdays\n    basis: {law: 市场主体登记管理条例, article: 第十九条}",
            fix: .init(
                en: "Add 'basis:' with the law and article.",
                zh: "请添加“basis:”，写明法律名称和条款。")),
        DiagnosticExplanation(
            code: .promiseBrokenOnCalendar,
            protects: .init(
                en: "A promise is kept on the real calendar, holidays and make-up working days included; a "
                    + "promise that only holds on average is broken for some applicants.",
                zh: "承诺要在实际日历上兑现，包括节假日和调休上班日；只是“平均”成立的承诺，对部分申请人会落空。"),
            wrong: "promise: 20 workdays\n# a 公示 of 7日 across the Spring Festival takes 10 working days",
            right: "promise: 23 workdays",
            fix: .init(
                en:
                    "Promise at least the working days the hint names, or write the limits on the critical path "
                    + "in working days.",
                zh: "请把承诺时限设为至少提示给出的工作日数，或把关键路径上的时限改以工作日计。")),
        DiagnosticExplanation(
            code: .missingFee,
            protects: .init(
                en: "The notice tells the applicant what each item costs; an item without a fee can only say "
                    + "\"not stated: as the window tells you\", and the applicant cannot know before coming whether to pay.",
                zh: "告知书要告诉申请人每个事项收多少费；没有写收费的事项只能写“未写明，以窗口告知为准”，申请人来之前无从知道是否要交钱。"),
            wrong: "  register:\n    name: 不动产转移登记\n    basis: 不动产登记暂行条例",
            right:
                "  register:\n    name: 不动产转移登记\n    basis: 不动产登记暂行条例\n"
                + "    fee: {amount: 80, basis: 发改价格规〔2016〕2559号}",
            fix: .init(
                en: "Add 'fee:': 'free', an amount in yuan ('fee: 80', or '{amount: 80, basis: …}'), or "
                    + "'{by-law: …}' with the rule that sets the amount.",
                zh: "请加上“fee:”：免费写 free；金额写元数（“fee: 80”或“{amount: 80, basis: …}”）；"
                    + "按规定收费的写“{by-law: …}”并写明规定收费的依据。")),
        DiagnosticExplanation(
            code: .uncountedWithoutBasis,
            protects: .init(
                en:
                    "Time left out of a limit is time the office does not answer for: only a law may leave it out "
                    + "(行政许可法 §45 for 听证、招标、拍卖、检验、检测、检疫、鉴定 and 专家评审, or the law that fixes a "
                    + "公示). Without one, an office could shorten any promise by calling part of it not counted.",
                zh: "不计入办理时限的时间，部门不为其承担时限责任：只有法律法规才能把它排除在外（如行政许可法第四十五条规定的"
                    + "听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审，或规定公示期的法规）。没有依据，任何承诺都可以借“不计入”缩短。"),
            wrong:
                "  plan-review:\n    promised: 5 workdays\n    not-counted:\n      - {name: 专家评审, at-most: 15 workdays}",
            right:
                "  plan-review:\n    promised: 5 workdays\n    not-counted:\n      - name: 专家评审\n"
                + "        at-most: 15 workdays\n        basis: {law: 中华人民共和国行政许可法, article: 第四十五条}",
            fix: .init(
                en:
                    "Add 'basis:' with the law and article that leave the time out of the limit or fix the period; "
                    + "if no law does, the time is the office's own: count it in 'promised:' instead.",
                zh: "请用“basis:”写明把这段时间排除在时限之外、或规定该期间的法律法规及条款；"
                    + "没有法律依据的，这段时间属于部门自己的办理时间，请计入“promised:”。")),
        DiagnosticExplanation(
            code: .uncountedPeriodOutOfBounds,
            protects: .init(
                en:
                    "The applicant's dates include the time not counted: a period of nothing says nothing, and one "
                    + "of more than a year is a slip of a unit or a digit that would push every date of the notice "
                    + "years ahead.",
                zh: "告知申请人的日期包含不计入办理时限的时间：为零的期间毫无意义，超过一年的期间多半是单位或数字写错，"
                    + "会把告知书上的所有日期推后数年。"),
            wrong: "    not-counted:\n      - {name: 公示, lasts: 200 months, basis: 市场主体登记管理条例 第三十三条}",
            right: "    not-counted:\n      - {name: 公示, lasts: 20 days, basis: 市场主体登记管理条例 第三十三条}",
            fix: .init(
                en: "Write the period as the law fixes it (lasts: 20 days) or the most it may take (at-most: "
                    + "15 workdays), more than nothing and at most a year; remove an entry that takes no time.",
                zh: "请按法规写明期间（lasts: 20日）或最长所需时间（at-most: 15个工作日），须大于零且不超过一年；"
                    + "不占用时间的条目请删去。")),
        DiagnosticExplanation(
            code: .overlappingWindows,
            protects: .init(
                en:
                    "A window tells the applicant when they may apply. Two windows that share days for the same "
                    + "applicants are most often one notice copied twice or a date mistyped: the applicant would "
                    + "be told of two periods where the office published one.",
                zh: "报名时间告诉申请人何时可以申请。对同一批申请人有重叠的两段报名时间，多半是同一公告抄了两次或日期写错："
                    + "申请人会被告知两段时间，而部门只公布了一段。"),
            wrong:
                "windows:\n  - {name: 小学报名, from: 07-01, to: 07-10, basis: {assumed: 示例}}\n"
                + "  - {name: 小学报名, from: 07-05, to: 07-15, basis: {assumed: 示例}}",
            right:
                "windows:\n  - {name: 小学报名, from: 07-01, to: 07-10, when: school.level == \"primary\", "
                + "basis: {assumed: 示例}}\n"
                + "  - {name: 初中报名, from: 07-05, to: 07-15, when: school.level == \"junior-secondary\", "
                + "basis: {assumed: 示例}}",
            fix: .init(
                en: "Merge the two into one window as the notice publishes it, or give each its own 'when:' "
                    + "when they serve different applicants.",
                zh: "请按公告合并为一段；如分别面向不同申请人，请各写“when:”条件。")),
    ]

    // MARK: OT6xx

    private static let catalogueExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .unknownCatalogueFile,
            protects: .init(
                en:
                    "A file in catalogue/ that is not a known catalogue is not read: departments or materials "
                    + "written in it would be missing.",
                zh: "catalogue/ 中无法识别的文件不会被读取：其中写的部门或材料都会缺失。"),
            wrong: "# catalogue/部门.yaml\nbumen:\n  tax: {name: 税务局}",
            right: "# catalogue/departments.yaml\ndepartments:\n  tax: {name: 税务局}",
            fix: .init(
                en:
                    "Start the file with one of departments:, materials: or calendar:, or move it out of catalogue/.",
                zh: "请让文件以 departments:、materials: 或 calendar: 开头，或把它移出 catalogue/。")),
        DiagnosticExplanation(
            code: .badCalendarDate,
            protects: .init(
                en: "Working days are counted from the calendar; a holiday in the wrong year or listed twice "
                    + "moves every due date near it.",
                zh: "工作日按日历计算；节假日写错年份或重复列出，会挪动附近的每个到期日。"),
            wrong: "calendar:\n  year: 2025\n  holidays:\n    - {name: 元旦, from: 2026-01-01, to: 2026-01-01}",
            right: "calendar:\n  year: 2025\n  holidays:\n    - {name: 元旦, from: 2025-01-01, to: 2025-01-01}",
            fix: .init(
                en: "Copy the dates from the State Council's notice for that year, one file per year.",
                zh: "请按当年国务院办公厅放假通知抄写日期，每年一个文件。")),
        DiagnosticExplanation(
            code: .calendarConflict,
            protects: .init(
                en:
                    "A make-up working day (调休上班) is a weekend day worked instead; one on a weekday or inside "
                    + "a holiday is a typing mistake that changes due dates.",
                zh: "调休上班日是补班的周末；写在工作日或假期之内就是笔误，会改变到期日。"),
            wrong: "  workdays: [2025-01-27]   # a Monday",
            right: "  workdays: [2025-01-26]   # the Sunday worked",
            fix: .init(
                en:
                    "Check the date against the notice: make-up working days are Saturdays or Sundays outside "
                    + "the holidays.",
                zh: "请对照放假通知核对：调休上班日是假期之外的周六或周日。")),
        DiagnosticExplanation(
            code: .catalogueMissing,
            protects: .init(
                en: "Departments and common materials are checked against the catalogue; without one no "
                    + "reference can be checked.",
                zh: "部门和共享材料要对照目录检查；没有目录就无法检查任何引用。"),
            wrong: .init(
                en: "~/drafts/my-bundle.yaml, with no catalogue/ folder above it",
                zh: "~/drafts/my-bundle.yaml，上级文件夹中没有 catalogue/"),
            right: .init(
                en: "bundles/my-bundle.yaml, beside bundles/catalogue/",
                zh: "bundles/my-bundle.yaml，与 bundles/catalogue/ 同在一处"),
            fix: .init(
                en: "Put the bundle beside a catalogue/ folder, or name one with --catalogue.",
                zh: "请把文件放在有 catalogue/ 的文件夹中，或用 --catalogue 指定目录。")),
        DiagnosticExplanation(
            code: .provisionalCalendar,
            protects: .init(
                en: "Before the State Council publishes a year's holidays, working days are only estimated "
                    + "(no make-up days): due dates in that year may move.",
                zh: "国务院办公厅公布当年放假安排之前，工作日只是估算（没有调休）：当年的到期日可能变动。"),
            wrong: "effective: 2031-01-01   # no calendar-2031.yaml",
            right: "effective: 2026-01-01   # calendar-2026.yaml holds the notice",
            fix: .init(
                en:
                    "Add the year's calendar file when the notice is published; until then the dates are estimates.",
                zh: "放假通知公布后请添加当年的日历文件；在此之前日期仅为估算。")),
    ]

    // MARK: OT7xx

    private static let testExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .testFailed,
            protects: .init(
                en: "A bundle's test cases say what an applicant should be told; a change that breaks one "
                    + "changes what applicants are told.",
                zh: "测试用例写明申请人应得到的告知；改动导致用例失败，就意味着申请人得到的告知变了。"),
            wrong: "    expect: {items: [register], workdays: 5}   # the plan has 6",
            right: "    expect: {items: [register], workdays: 6}",
            fix: .init(
                en: "If the plan is right, change the expectation; otherwise fix the bundle.",
                zh: "若计划正确，请修改预期；否则请修正一件事文件。")),
        DiagnosticExplanation(
            code: .testErrorMismatch,
            protects: .init(
                en:
                    "A test case that expects the answers to be refused checks the form's rules; it fails when "
                    + "they are accepted, or refused for another reason.",
                zh: "预期答案被拒绝的测试用例用于检查表单规则；答案被接受或因其他原因被拒绝时，用例失败。"),
            wrong: "  - answers: {venue.area_m2: -5}\n    expect: {error: OT802}",
            right: "  - answers: {venue.area_m2: -5}\n    expect: {error: OT803}",
            fix: .init(
                en: "Expect the code the answers really cause, or change the answers.",
                zh: "请预期答案实际引起的代码，或修改答案。")),
        DiagnosticExplanation(
            code: .unknownTestCase,
            protects: .init(
                en: "Planning a test case by a name that does not exist would plan nothing.",
                zh: "按不存在的名称规划测试用例，什么也规划不了。"),
            wrong: "onething plan bundles/open-restaurant.yaml --case 小店",
            right: "onething plan bundles/open-restaurant.yaml --case 小店，不售烟",
            fix: .init(
                en: "Use a name from the bundle's 'tests:'; the hint names the closest.",
                zh: "请使用“tests:”中的名称；提示给出了最接近的一个。")),
    ]

    // MARK: OT8xx

    private static let answerExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .answerMissing,
            protects: .init(
                en: "Which items apply depends on the answers; without a required one no plan can be made.",
                zh: "哪些事项适用取决于答案；缺少必答问题的答案就无法生成计划。"),
            wrong: "{\"venue.area_m2\": 50}",
            right: "{\"venue.area_m2\": 50, \"business.sells_tobacco\": false}",
            fix: .init(
                en: "Answer the question named.",
                zh: "请回答所指的问题。")),
        DiagnosticExplanation(
            code: .answerType,
            protects: .init(
                en:
                    "An answer of the wrong kind (text for a number) would be compared wrongly by every condition.",
                zh: "类型不对的答案（数字处写了文字）会让每个条件都比较错误。"),
            wrong: "{\"venue.area_m2\": \"五十\"}",
            right: "{\"venue.area_m2\": 50}",
            fix: .init(
                en: "Answer with a value of the field's type.",
                zh: "请按字段类型填写答案。")),
        DiagnosticExplanation(
            code: .answerOutOfRange,
            protects: .init(
                en:
                    "Bounds catch impossible answers (a negative area, a date in the future) before they decide "
                    + "anything.",
                zh: "取值范围在不可能的答案（负数面积、将来的日期）产生影响之前把它们拦下。"),
            wrong: "{\"venue.area_m2\": -5}",
            right: "{\"venue.area_m2\": 5}",
            fix: .init(
                en: "Answer within the bounds the message names.",
                zh: "请在所列范围内作答。")),
        DiagnosticExplanation(
            code: .answerUndeclaredValue,
            protects: .init(
                en:
                    "A choice the question does not offer matches no condition: the plan would silently leave "
                    + "items out.",
                zh: "问题不提供的选项与任何条件都不匹配：计划会悄悄漏掉事项。"),
            wrong: "{\"death.place\": \"home\"}",
            right: "{\"death.place\": \"outside-hospital\"}",
            fix: .init(
                en: "Answer with one of the field's values.",
                zh: "请从字段的可选值中选择。")),
        DiagnosticExplanation(
            code: .answerUnknownField,
            protects: .init(
                en: "An answer to a question the form does not ask is usually a misspelt field id: the real "
                    + "question stays unanswered.",
                zh: "回答了表单中没有的问题，通常是字段标识拼错了：真正的问题仍未回答。"),
            wrong: "{\"venue.area\": 50}",
            right: "{\"venue.area_m2\": 50}",
            fix: .init(
                en: "Correct the field id to one of the form's.",
                zh: "请改为表单中已有的字段标识。")),
        DiagnosticExplanation(
            code: .answerBreaksRule,
            protects: .init(
                en: "A form rule states what answers must keep across questions (an end date not before the "
                    + "start): answers that break it describe no real case, and the applicant is told the rule's "
                    + "own message before anything is planned.",
                zh: "表单规则规定了多个问题的答案之间必须满足的关系（结束日期不早于开始日期）；违反规则的答案不对应真实情况，"
                    + "在生成办事计划之前就用规则自己的提示告诉申请人。"),
            wrong: "{\"event.start_date\": \"2026-05-03\", \"event.end_date\": \"2026-05-01\"}",
            right: "{\"event.start_date\": \"2026-05-01\", \"event.end_date\": \"2026-05-03\"}",
            fix: .init(
                en: "Correct the answers the message names so that the rule holds; if the rule is wrong, "
                    + "correct its 'check' under 'form-rules:' in the bundle.",
                zh: "请修改提示所指的答案使规则成立；如果规则本身写错了，请修改一件事文件“form-rules:”中该规则的“check”。")),
        DiagnosticExplanation(
            code: .notEligible,
            protects: .init(
                en:
                    "An applicant the bundle does not serve (an event under 1000 people needs no safety permit) "
                    + "is told so, and why, instead of getting a plan with no items or with items that will be "
                    + "refused.",
                zh: "一件事不受理的申请人（每场不足1000人的活动无需安全许可）会被告知不符合条件及原因，"
                    + "而不是得到一个没有事项、或事项注定被驳回的办事计划。"),
            wrong: "{\"event.attendance\": 600}",
            right: "{\"event.attendance\": 8000}",
            fix: .init(
                en: "This is an outcome, not a mistake: check the answers the hint names. A bundle test that "
                    + "expects it writes 'expect: {eligible: false}'; if the rule is wrong, correct its 'check' "
                    + "under 'eligibility:'.",
                zh: "这是办理结果而不是错误：请核对提示所列的答案。预期此结果的测试用例写“expect: {eligible: false}”；"
                    + "如果条件本身写错了，请修改“eligibility:”中该条件的“check”。")),
    ]
}
