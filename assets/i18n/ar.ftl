# واجهة «حاشية» بالعربية. لكل رسالة هنا رسالة بالمعرّف نفسه في en.ftl (تتحقق من ذلك
# اختبارات src/app/i18n.rs). لا تُترجم أسماء المفاتيح (Ctrl+S).
# صيغ الجمع العربية الست: zero (0) و one (1) و two (2) و few (3–10) و many (11–99)
# و other (100 وما بعدها، وما سوى ذلك).

## القوائم

app-name = حاشية

menu-file = ملف
menu-edit = تحرير
menu-annotate = توسيم
menu-view = عرض
menu-open-article = فتح مقال…
menu-open-folder = فتح مجلد…
menu-open-recent = الملفات الأخيرة
menu-save = حفظ
menu-save-as = حفظ باسم…
menu-export = تصدير مجموعة بيانات…
menu-import = استيراد مجموعة بيانات…
menu-next-document = المستند التالي
menu-previous-document = المستند السابق
menu-quit = خروج
menu-undo = تراجع
menu-redo = إعادة
menu-find = بحث…
menu-apply-label = وسم: { $label }
menu-start-link = ربط { $relation } (من { $from } إلى { $to })
menu-delete-span = حذف المقطع
menu-next-span = المقطع التالي
menu-previous-span = المقطع السابق
menu-escape = إلغاء التحديد / إيقاف الربط
menu-move-edge = تحريك حدّ المقطع
menu-start-forward = البداية إلى الكلمة التالية
menu-start-backward = البداية إلى الكلمة السابقة
menu-end-forward = النهاية إلى الكلمة التالية
menu-end-backward = النهاية إلى الكلمة السابقة
menu-label-similar = وسم المواضع المماثلة…
menu-labels = الوسوم…
menu-problems = المشكلات…
menu-next-problem = المشكلة التالية
menu-previous-problem = المشكلة السابقة
menu-adjudicate = التحكيم…
menu-document-status = حالة المستند
menu-direction-auto = الاتجاه: تلقائي
menu-direction-rtl = من اليمين إلى اليسار
menu-direction-ltr = من اليسار إلى اليمين
menu-leave-out-prefixes = استبعاد السوابق المتصلة
menu-leave-out-prefixes-hint = يُحدَّد النص بكلمات كاملة دون و ف ب ك ل في أولها (السحب مع Alt يبقى حرفيًا)
menu-zoom-in = تكبير
menu-zoom-out = تصغير
menu-zoom-reset = إعادة ضبط التكبير
menu-theme-light = السمة الفاتحة
menu-theme-dark = السمة الداكنة
menu-language = اللغة
menu-statistics = إحصاءات…

## حالة المستند

status-not-started = لم يبدأ
status-in-progress = قيد العمل
status-done = مكتمل

## الأعداد

count-spans = { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
}
count-links = { $count ->
    [zero] لا روابط
    [one] رابط واحد
    [two] رابطان
    [few] { $count } روابط
    [many] { $count } رابطًا
   *[other] { $count } رابط
}
count-problems = { $count ->
    [zero] لا مشكلات
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $count } مشكلات
    [many] { $count } مشكلةً
   *[other] { $count } مشكلة
}
count-articles = { $count ->
    [zero] لا مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
}
count-matches = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}
count-documents = { $count ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $count } مستندات
    [many] { $count } مستندًا
   *[other] { $count } مستند
}
count-tokens = { $count ->
    [zero] لا وحدات
    [one] وحدة واحدة
    [two] وحدتان
    [few] { $count } وحدات
    [many] { $count } وحدةً
   *[other] { $count } وحدة
}
count-sentences = { $count ->
    [zero] لا جمل
    [one] جملة واحدة
    [two] جملتان
    [few] { $count } جمل
    [many] { $count } جملةً
   *[other] { $count } جملة
}
count-warnings = { $count ->
    [zero] لا تحذيرات
    [one] تحذير واحد
    [two] تحذيران
    [few] { $count } تحذيرات
    [many] { $count } تحذيرًا
   *[other] { $count } تحذير
}

## شريط الحالة

statusbar-summary = { $encoding } · { $spans } · { $links } · { $status }
statusbar-problems-hint = عرض المشكلات (F8: الانتقال إلى التالية)
disk-changed = تغيّر ملف التوسيم على القرص.
disk-reload = إعادة التحميل
disk-keep-mine = الإبقاء على نسختي
msg-no-problems = لم يُعثر على مشكلات
msg-nothing-to-undo = لا شيء للتراجع عنه
msg-nothing-to-redo = لا شيء لإعادته
msg-cannot-undo = تعذّر التراجع: { $error }
msg-cannot-redo = تعذّرت الإعادة: { $error }
msg-saved = حُفظ { $path }
msg-not-saved = لم يُحفظ: { $error }
msg-no-articles = لا مقالات .txt في { $path }
msg-not-reloaded = لم تُعَد قراءة الملف: { $error }
msg-orphans = { $count ->
    [one] مقطع يتيم واحد: انظر اللوحة الجانبية
    [two] مقطعان يتيمان: انظر اللوحة الجانبية
    [few] { $count } مقاطع يتيمة: انظر اللوحة الجانبية
    [many] { $count } مقطعًا يتيمًا: انظر اللوحة الجانبية
   *[other] { $count } مقطع يتيم: انظر اللوحة الجانبية
}
msg-no-more-documents = لا مستندات أخرى في هذا المجلد
msg-open-folder-first = افتح مجلدًا للتنقل بين المستندات
msg-discard-autosave-failed = تعذّر حذف الحفظ التلقائي للتعديلات المهملة: { $error }
msg-restored = استُعيد الحفظ التلقائي: احفظه للإبقاء عليه
msg-cannot-restore = تعذّرت الاستعادة: { $error }
msg-autosave-failed = فشل الحفظ التلقائي: { $error }
msg-sample-not-copied = تعذّر نسخ المقال النموذجي ({ $why }): { $path }
msg-labelled = { $count ->
    [one] وُسم مقطع واحد بـ{ $label } (خطوة تراجع واحدة)
    [two] وُسم مقطعان بـ{ $label } (خطوة تراجع واحدة)
    [few] وُسمت { $count } مقاطع بـ{ $label } (خطوة تراجع واحدة)
    [many] وُسم { $count } مقطعًا بـ{ $label } (خطوة تراجع واحدة)
   *[other] وُسم { $count } مقطع بـ{ $label } (خطوة تراجع واحدة)
}
msg-not-labelled = لم يُوسم: { $error }
msg-select-span-first = حدّد مقطعًا أولًا: «وسم المواضع المماثلة» يبحث عن مواضعه الأخرى
msg-search-needs-folder = افتح مجلدًا (Ctrl+Shift+O) للبحث في كل مقالاته
msg-no-match-left = لم تبقَ نتيجة لوسمها بـ{ $label }

## التوسيم

annotator-already = { $span } موسوم بـ{ $label } من قبل: حُدِّد
annotator-select-first = حدّد نصًا أو مقطعًا أولًا
annotator-unknown-relation = علاقة غير معروفة «{ $relation }»
annotator-select-head = حدّد أولًا مقطعًا موسومًا بـ{ $label }: روابط { $relation } تبدأ منه
annotator-click-target = انقر مقطعًا موسومًا بـ{ $label } لربطه، أو اضغط Escape
annotator-empty-span = لا يمكن أن يكون المقطع فارغًا

## التحكيم ومشاريع الفرق

adjudication-title = التحكيم
adjudication-annotators = الموسِّمون: { $names }
adjudication-counts = { $open } مفتوحة · { $settled } في الملف المرجعي · { $rejected } مرفوضة · { $total } مقترحة
adjudication-press-n = N: المقترح التالي للبتّ فيه
adjudication-previous = السابق (Shift+N)
adjudication-next = التالي (N)
adjudication-take = اعتماده (Enter)
adjudication-reject = رفضه (X)
adjudication-merge-all = دمج كل مواضع الاتفاق التام
adjudication-all-annotators = كل الموسِّمين
adjudication-some-annotators = { $count } من { $of }
adjudication-proposed-by = اقترحه { $names } ({ $agreement })
adjudication-nothing-left = لم يبقَ شيء للبتّ فيه
adjudication-pick-first = اضغط N لاختيار مقترح أولًا
adjudication-cannot-take = لم يُعتمد: لا يتسع الملف المرجعي له أيضًا (للاقتباس قائل واحد)؛ ارفضه أو عدّل الملف المرجعي
adjudication-all-merged = كل مواضع الاتفاق التام في الملف المرجعي من قبل
adjudication-save-first = احفظ أولًا: يفتح التحكيم الملف المرجعي بدلًا من هذا الملف
adjudication-cannot = تعذّر التحكيم: { $error }
adjudication-needs-files = يحتاج التحكيم إلى ملفين أو أكثر لموسِّمين مختلفين لهذا المقال بجانبه (NAME.ANNOTATOR.hashiya.ron)
adjudication-started = تحكيم { $count } نسخ لموسِّمين في { $path }: N التالي، Enter اعتماد، X رفض
adjudication-no-gold = تعذّر فتح الملف المرجعي: { $error }
adjudication-not-taken = لم يُعتمد: { $error }
adjudication-ended = انتهى التحكيم؛ يبقى الملف المرجعي مفتوحًا
team-who = من يوسِّم؟
team-explain = هذا المجلد مشروع فريق (hashiya-project.ron): لكل موسِّم ملفه الخاص من كل مقال. يُسأل عن اسمك مرة واحدة ويُحفظ للمرات القادمة.
team-name = اسم الموسِّم
team-bad-name = اسم من حروف وأرقام و - و _ (يصير جزءًا من أسماء الملفات)

## الاستعادة

recovery-title = عُثر على عمل غير محفوظ
recovery-text = يوجد حفظ تلقائي لـ{ $name } أحدث من توسيماته المحفوظة (لم يُغلق البرنامج على نحو سليم).
recovery-restore = استعادته
recovery-discard = إهماله

## التغييرات غير المحفوظة

unsaved-title = تغييرات غير محفوظة
unsaved-text = في { $name } توسيمات غير محفوظة. أتحفظها أولًا؟
unsaved-reload-text = { $name }: تغيّر ملف التوسيم على القرص. أتحفظ تعديلاتك فوقه، أم تهملها وتعيد التحميل؟
unsaved-save = حفظ
unsaved-discard = إهمال
unsaved-discard-reload = إهمال وإعادة التحميل
button-cancel = إلغاء
button-ok = موافق

## اللوحة الجانبية

panel-status = الحالة
panel-annotator = الموسِّم
panel-annotator-hint = اسمك
panel-delete = حذف
panel-delete-hint = حذف هذا المقطع وروابطه (Delete)
panel-merged = ! تغيّر في فرعين دُمجا
panel-moved = ! نُقل حين تغيّر المقال
panel-mark-reviewed = تأكيد المراجعة
panel-note = ملاحظة
panel-note-hint = ملاحظة على هذا المقطع
panel-label-selection = وسم التحديد
panel-link-hint = { $description } حدّد { $from } أولًا.
panel-link-button = ربط { $relation }
panel-linking = ربط { $relation } من { $from }: انقر { $target } في المقال. Esc للإنهاء.
panel-orphans = ! مقاطع يتيمة ({ $count })
panel-orphans-text = لم يعد نصها في المقال، أو لم يعد حيث المقاطع المحيطة بها. تبقى في الملف حتى تضعها في موضعها أو تحذفها.
panel-filter = تصفية
panel-filter-hint = نص أو وسم
panel-reanchored = أُعيد تثبيته بعد تغيّر المقال: يُرجى مراجعته
panel-delete-link = حذف رابط { $kind } هذا
panel-needs-links = يحتاج إلى { $count } من روابط { $kind }: حدّده واضغط مفتاح الربط

## المشكلات

problems-title = المشكلات
problems-none = لم يُعثر على مشكلات.
problems-count = { $count ->
    [one] مشكلة واحدة. ينتقل F8 و Shift+F8 إلى التالية والسابقة.
    [two] مشكلتان. ينتقل F8 و Shift+F8 إلى التالية والسابقة.
    [few] { $count } مشكلات. ينتقل F8 و Shift+F8 إلى التالية والسابقة.
    [many] { $count } مشكلةً. ينتقل F8 و Shift+F8 إلى التالية والسابقة.
   *[other] { $count } مشكلة. ينتقل F8 و Shift+F8 إلى التالية والسابقة.
}
problems-select = تحديد المقطع (المحارف { $start } إلى { $end })
problem-no-link = { $label } «{ $excerpt }» بلا رابط { $kind }
problem-too-few-links = { $label } «{ $excerpt }»: عدد روابط { $kind } { $count }، والمطلوب { $required } على الأقل
problem-duplicate = { $label } «{ $excerpt }» يطابق المقطع { $earlier } نطاقًا ووسمًا
problem-starts-on-whitespace = { $label } «{ $excerpt }» يبدأ بمسافة
problem-ends-on-whitespace = { $label } «{ $excerpt }» ينتهي بمسافة
problem-starts-on-punctuation = { $label } «{ $excerpt }» يبدأ بعلامة ترقيم ({ $mark })
problem-ends-on-punctuation = { $label } «{ $excerpt }» ينتهي بعلامة ترقيم ({ $mark })
problem-crosses-paragraph = { $label } «{ $excerpt }» يتجاوز فاصل فقرة
problem-needs-review = { $label } «{ $excerpt }» بحاجة إلى مراجعة
problem-needs-review-merge = { $label } «{ $excerpt }» بحاجة إلى مراجعة: { $why }
check-missing-link = رابط ناقص
check-duplicate-span = مقطع مكرر
check-span-edge = حافة المقطع
check-crosses-paragraph = يتجاوز فقرة
check-needs-review = بحاجة إلى مراجعة
done-title = تعيين الحالة «مكتمل»؟
done-text = { $count ->
    [one] ما زالت الفحوص تجد مشكلة واحدة في هذا المستند.
    [two] ما زالت الفحوص تجد مشكلتين في هذا المستند.
    [few] ما زالت الفحوص تجد { $count } مشكلات في هذا المستند.
    [many] ما زالت الفحوص تجد { $count } مشكلةً في هذا المستند.
   *[other] ما زالت الفحوص تجد { $count } مشكلة في هذا المستند.
}
done-mark = تعيينه مكتملًا
done-show = عرض المشكلات

## منتقي الروابط

picker-title = ربط { $kind }
picker-filter-hint = اكتب لتصفية مقاطع { $label }
picker-keys = أعلى أو أسفل أو Tab: اختيار · Enter: ربط · Esc: إنهاء · أو انقر في المقال
picker-none = لا مقطع للربط به.
picker-more = { $count ->
    [zero] لا مقاطع: اكتب للتضييق
    [one] مقطع واحد: اكتب للتضييق
    [two] مقطعان: اكتب للتضييق
    [few] { $count } مقاطع: اكتب للتضييق
    [many] { $count } مقطعًا: اكتب للتضييق
   *[other] { $count } مقطع: اكتب للتضييق
}

## نافذة الوسوم

labels-title = الوسوم
labels-new = وسم جديد
labels-name-hint = الاسم
labels-add = إضافة
labels-schema-file = ملف المخطط
labels-schema-hint = مسار/ملف/المخطط.ron
labels-load = تحميل
labels-colour = اللون
labels-rename-hint = اسم الوسم
labels-rename-label = اسم جديد لـ{ $label }
labels-rename = إعادة تسمية
labels-exists = «{ $name }» فارغ أو موجود من قبل
labels-not-loaded = لم يُحمَّل المخطط ({ $error })؛ يبقى المخطط الحالي: { $path }

## الإحصاءات

stats-title = إحصاءات
stats-document = { $name }: { $spans }، { $links }
stats-spans-per-label = المقاطع لكل وسم
stats-links-of-kind = روابط { $kind }
stats-folder = المجلد: { $articles } (الحالة المحفوظة)
stats-spans-links = { $spans }، { $links }
stats-unreadable = تتعذّر قراءته

## المجلد

folder-autosave = (حفظ تلقائي)
folder-ready-for-review = جاهز للمراجعة
list-separator = {"، "}

## البحث

article-label = المقال
find-query = بحث
find-hint = بحث (يراعي العربية)
find-previous = السابق
find-previous-hint = النتيجة السابقة (Shift+Enter)
find-next = التالي
find-next-hint = النتيجة التالية (Enter)
find-search-folder = البحث في المجلد
find-search-folder-hint = عرض النتائج في كل مقالات المجلد المفتوح
find-close = إغلاق
find-close-hint = إغلاق (Esc)
find-bad-regex = التعبير النمطي غير صالح
find-match = المطابقة
find-prefixes = السوابق
find-prefixes-hint = مطابقة الكلمة الأولى بعد و ف ب ك ل المتصلة
find-whole-words = كلمات كاملة
find-keep-prefixes = الوسم مع السوابق
find-keep-prefixes-hint = تشمل المقاطع السوابق المتصلة (و، ف، ب، ك، ل)
find-label-matches = وسم النتائج:
find-label-hint = وسم النتائج بـ{ $label }، واحدة تلو الأخرى أو كلها (Alt+{ $number })
find-walk-question = أتسم النتيجة { $at } من { $of } بـ{ $label }؟
find-yes = نعم (Y)
find-no = لا (N)
find-all = كل الباقي (A)
find-stop = إيقاف (Esc)
find-no-matches = لا نتائج
find-position = { $at } من { $count }
find-mode-normalized = مُوحَّدة
find-mode-exact = حرفية
find-mode-regex = تعبير نمطي
folder-results-title = نتائج البحث
folder-results-count = { $matches } في { $documents }

## حوارات الملفات

pick-open-article = فتح مقال
pick-open-folder = فتح مجلد مقالات
pick-save-as = حفظ التوسيمات باسم
pick-export = تصدير مجموعة البيانات إلى
pick-import = استيراد مجموعة بيانات من
pick-type-path = اكتب المسار بدلًا من ذلك:
pick-path-hint = المسار
pick-path = المسار
pick-no-portal = لا حوار ملفات أصيل: ليس في هذه الجلسة بوابة سطح مكتب D-Bus.
pick-not-opened = لم يُفتح حوار الملفات الأصيل (لم تُجب أي بوابة سطح مكتب).
pick-articles = المقالات
pick-annotations = توسيمات حاشية
pick-predictions = استيراد تنبؤات من
pick-predictions-files = ملفات التنبؤات

## التصدير والاستيراد

export-title = تصدير مجموعة بيانات
export-format = الصيغة
export-documents = المستندات
export-this-document = هذا المستند
export-whole-folder = المجلد ({ $count })
export-destination = الوجهة
export-destination-hint = ملف الوجهة أو مجلدها
export-browse = استعراض…
export-split = تقسيم
export-seed = البذرة
export-seed-hint = بذرة التقسيم
export-is-folder = الوجهة مجلد.
export-labels-json = يُكتب بجانبها labels.json (أسماء الوسوم وأرقامها).
export-export = تصدير
export-progress = { $done } / { $total } مستند
export-more-warnings = … و{ $count } تحذيرات أخرى
format-jsonl-hashiya = JSONL (حاشية)
format-jsonl-doccano = JSONL (doccano)
format-jsonl-doccano-relations = JSONL (doccano مع العلاقات)
format-jsonl-doccano-utf16 = JSONL (doccano، إزاحات UTF-16)
format-jsonl-doccano-relations-utf16 = JSONL (doccano مع العلاقات، إزاحات UTF-16)
format-jsonl-tokens = JSONL (تصنيف الوحدات، مع labels.json)
format-conll = CoNLL (IOB2)
format-conll-layers = CoNLL (IOB2، عمود لكل وسم)
format-brat = brat (توسيم منفصل، مجلد)
format-events = الأحداث (JSONL: الإجراءات المتفق عليها والاقتباسات حسب الكيان)
format-coref = الإحالة المشتركة (JSONL: مجموعات الأذكار في كل وثيقة)
format-spacy = spaCy DocBin (ملف ‎.spacy: كل المقاطع، والخارجية منها كيانات)
format-parquet = Parquet (ملف ‎.parquet: صف لكل وثيقة، بأعمدة JSONL حاشية)
import-title = استيراد مجموعة بيانات
import-open-first = فتح أول مقال مستورد
import-format = الصيغة
import-input = ملف الإدخال أو مجلد brat
import-input-hint = ملف مجموعة البيانات أو مجلد brat
import-map = ربط الوسوم الأصلية بالوسوم
import-output = مجلد الإخراج
import-output-hint = مجلد الإخراج
import-import = استيراد
import-needs-paths = حدّد ملف إدخال ومجلد إخراج
export-type-destination = اكتب مسار الوجهة أعلاه.
export-written = { $report }؛ كُتب في { $path }
import-map-error = الربط: { $error }
import-nothing = لم يُستورد شيء: { $error }

## The entity picker (E) and the entities in the side panel
menu-assign-entity = تعيين كيان…
entity-title = الكيان
entity-mention = الذِّكر:
entity-filter-hint = اكتب لتصفية الكيانات
entity-filter-label = تصفية الكيانات
entity-new = كيان جديد «{ $name }»
entity-none = بلا كيان
entity-keys = أعلى أو أسفل: اختيار · Enter: تعيين · Esc: إغلاق
entity-select-first = اختر ذِكرًا أولًا: يعيّنه المفتاح E لكيان
entity-not-saved = لم يُضف الكيان: { $error }
entity-error-no-such = لا يوجد كيان { $id }.
entity-error-self-merge = لا يُدمج { $id } في نفسه.
entity-error-duplicate = الكيان { $id } معرّف مرتين.
entity-error-ids-exhausted = لم يبق أي معرّف للكيانات.
entity-card = الكيان: { $entity }
entities-heading = الكيانات
entities-row = { $entity } · { $count ->
    [zero] لا ذِكر
    [one] ذِكر واحد
    [two] ذِكران
    [few] { $count } أذكار
    [many] { $count } ذِكرًا
   *[other] { $count } ذِكر
}

## Suggestions
menu-suggestions = الاقتراحات
menu-next-suggestion = الاقتراح التالي
menu-previous-suggestion = الاقتراح السابق
menu-accept-suggestion = قبول الاقتراح
menu-reject-suggestion = رفض الاقتراح
menu-suggest-matcher = اقتراح: مطابقة النصوص
menu-suggest-rules = اقتراح: القواعد
menu-suggest-tagger = اقتراح: تدريب الموسِّم الآلي
menu-show-suggestions = الاقتراحات
suggestion-card-title = اقتراح: { $label } (ليس توسيمًا)
suggestion-card-source = المصدر: { $source } · الدرجة { $score }
suggestion-card-keys = Enter للقبول · X للرفض · N للتالي
suggestions-section = الاقتراحات ({ $count })
suggestions-run-matcher = المطابقة
suggestions-run-rules = القواعد
suggestions-run-tagger = الموسِّم الآلي
suggestions-show = إظهار الاقتراحات
suggestions-threshold = الدرجة الدنيا
suggestions-none = لا اقتراحات: شغّل مصدرًا أو استورد تنبؤات.
suggestions-accept-all = قبول كل { $label } بدرجة ≥ { $threshold }
suggestions-nothing = لا اقتراح للانتقال إليه.
suggestions-pick-first = اضغط N للانتقال إلى اقتراح أولًا.
suggestions-accepted-all = قُبل { $count } من اقتراحات { $label } (خطوة تراجع واحدة).
suggestions-not-taken = الاقتراحات: { $error }
suggestions-run-failed = توقف مصدر الاقتراحات دون نتيجة.
suggestions-made = { $count } اقتراحًا من { $source }.
suggestions-busy = ما زال مصدر اقتراحات يعمل.
suggestions-gazetteer-no-tab = { $path }، السطر { $line }: يُنتظر النص ثم Tab ثم التسمية
suggestions-gazetteer-empty = { $path }، السطر { $line }: النص أو التسمية فارغ
suggestions-gazetteer-unreadable = تعذّرت قراءة { $path } ({ $why })
suggestions-nothing-to-learn = لا مقطع موسوم للتعلم منه.
suggestions-cancelled = أُلغي التدريب.
suggestions-crf-failed = تعذّر تدريب الموسِّم الآلي.
suggestions-import-predictions = استيراد تنبؤات…
predictions-added = { $count ->
    [zero] لم يُضف أي اقتراح من { $file }
    [one] أُضيف اقتراح واحد من { $file }
    [two] أُضيف اقتراحان من { $file }
    [few] أُضيفت { $count } اقتراحات من { $file }
    [many] أُضيف { $count } اقتراحًا من { $file }
   *[other] أُضيف { $count } اقتراح من { $file }
}
predictions-left-out = { $count ->
    [zero] ؛ ولم يُترك شيء.
    [one] ؛ وتُرك اقتراح واحد (موسوم من قبل، أو مرفوض من قبل، أو مكرر، أو تسميته ليست في المخطط).
    [two] ؛ وتُرك اقتراحان (موسومان من قبل، أو مرفوضان من قبل، أو مكرران، أو تسميتهما ليست في المخطط).
    [few] ؛ وتُركت { $count } اقتراحات (موسومة من قبل، أو مرفوضة من قبل، أو مكررة، أو تسمياتها ليست في المخطط).
    [many] ؛ وتُرك { $count } اقتراحًا (موسومة من قبل، أو مرفوضة من قبل، أو مكررة، أو تسمياتها ليست في المخطط).
   *[other] ؛ وتُرك { $count } اقتراح (موسومة من قبل، أو مرفوضة من قبل، أو مكررة، أو تسمياتها ليست في المخطط).
}
predictions-unknown-labels = تسميات ليست في المخطط: { $labels } (أضفها في نافذة التسميات، أو غيّر اسمها في الملف).
predictions-bad-lines = { $count ->
    [zero] لم يتعذر قراءة أي سطر من الملف.
    [one] تعذّرت قراءة سطر واحد من الملف (السطر { $line }).
    [two] تعذّرت قراءة سطرين من الملف (أولهما السطر { $line }).
    [few] تعذّرت قراءة { $count } أسطر من الملف (أولها السطر { $line }).
    [many] تعذّرت قراءة { $count } سطرًا من الملف (أولها السطر { $line }).
   *[other] تعذّرت قراءة { $count } سطر من الملف (أولها السطر { $line }).
}
predictions-unreadable = تعذّرت قراءة { $path } ({ $why })
predictions-no-line = لا سطر في { $path } للمقال { $name }: لا سطر يسمّيه (باسم ملفه، بامتداده أو دونه) ولا سطر يحمل نصه.
predictions-other-text = { $path }، السطر { $line }: يسمّي { $name } لكنه يحمل نصًا آخر؛ لم يُستورد شيء.

## Refused edits
error-no-span = لا يوجد مقطع { $id }.
error-no-link = لا توجد علاقة { $id }.
error-no-suggestion = لا يوجد اقتراح { $id } (هل قُبل أو رُفض من قبل؟).
error-duplicate-id = المعرّف { $id } مستخدم من قبل.
error-bad-range = المدى { $start }..{ $end } ليس مدى غير فارغ من النص (0..{ $length }).
error-unknown-label = لا توجد في المخطط تسمية «{ $label }».
error-unknown-relation = لا توجد في المخطط علاقة «{ $relation }».
error-link-labels = لا تصل علاقة { $relation } من { $from } إلى { $to }.
error-link-exists = علاقة { $relation } هذه موجودة من قبل.
error-bad-schema = رُفض تغيير المخطط: { $why }
error-one-link-only = لا يكون لـ{ $head } إلا علاقة { $relation } واحدة.
id-kind-span = مقاطع
id-kind-link = علاقات
schema-refused-label-used = ما زالت التسمية «{ $label }» مستعملة
schema-refused-label-suggested = ما زالت الاقتراحات تستعمل التسمية «{ $label }»
schema-refused-relation-used = ما زالت العلاقة «{ $relation }» مستعملة
schema-refused-relation-suggested = ما زالت الاقتراحات تستعمل العلاقة «{ $relation }»
schema-refused-link = العلاقة { $link } تصل { $head } بـ{ $child }، ولن تصل علاقة { $relation } بينهما في المخطط الجديد
schema-refused-rename = لا يمكن تغيير اسم «{ $from }» إلى «{ $to }»
error-ids-exhausted = لم يبق في هذه الوثيقة معرّفات { $what }.

## ملفات تعذّر فتحها أو حفظها أو استرجاعها (app::i18n::io_error)
io-error-at = { $message }: { $path }
io-error-read = تعذّرت قراءة الملف ({ $why })
io-error-write = تعذّر الحفظ: فشل { $step } ({ $why })؛ النسخة السابقة سليمة
io-error-not-regular = هذا الاسم { $kind } وليس ملفًا عاديًا؛ لا تقرأ حاشية إلا الملفات العادية
io-error-read-only = الملف للقراءة فقط، فلم يُستبدل؛ اجعله قابلًا للكتابة أو احفظه باسم آخر
io-error-too-large = حجم الملف { $bytes } بايت، وهو أكبر من { $limit } بايت، أقصى ما تقرؤه حاشية
io-error-undecodable = المقال ليس نصًا مقروءًا بترميز تعرفه حاشية
io-error-version-newer = إصدار صيغة الملف { $found }، وهو أحدث مما تقرؤه هذه النسخة من حاشية (حتى { $supported })؛ حدّث حاشية لتفتحه
io-error-version-unknown = إصدار الصيغة { $found } غير معروف (تقرأ هذه النسخة من حاشية الإصدارات من 1 إلى { $supported })
io-error-invalid = الملف غير صالح
io-error-invalid-more = { $problem } ({ $count ->
    [zero] ولا مشكلات أخرى
    [one] ومشكلة أخرى
    [two] ومشكلتان أخريان
    [few] و{ $count } مشكلات أخرى
    [many] و{ $count } مشكلةً أخرى
   *[other] و{ $count } مشكلة أخرى
})
write-step-following-link = تتبّع الرابط
write-step-creating-temporary-file = إنشاء ملف مؤقت
write-step-writing = الكتابة
write-step-syncing-to-disk = المزامنة مع القرص
write-step-keeping-backup = حفظ نسخة احتياطية
write-step-replacing-file = استبدال الملف
write-step-syncing-folder = مزامنة المجلد
write-step-deleting-recovery-file = حذف ملف الاسترجاع
file-kind-named-pipe = أنبوب مسمّى
file-kind-character-device = جهاز محرفي
file-kind-block-device = جهاز كتلي
file-kind-socket = مقبس
file-kind-folder = مجلد
file-kind-special = ملف خاص

## ما قاله النظام (app::i18n::os_error)
os-error-not-found = الملف أو المجلد غير موجود
os-error-permission-denied = لا إذن بالوصول
os-error-already-exists = موجود من قبل
os-error-storage-full = القرص ممتلئ
os-error-quota-exceeded = نفدت حصتك من القرص
os-error-read-only-filesystem = القرص للقراءة فقط
os-error-is-a-directory = إنه مجلد
os-error-not-a-directory = جزء من المسار ليس مجلدًا
os-error-directory-not-empty = المجلد ليس فارغًا
os-error-invalid-data = البيانات غير صالحة
os-error-invalid-input = رفض النظام الطلب لأنه غير صالح
os-error-invalid-filename = اسم الملف غير صالح هنا
os-error-timed-out = انتهت مهلة العملية
os-error-interrupted = قُطعت العملية
os-error-would-block = الملف غير جاهز؛ أعد المحاولة
os-error-unexpected-eof = انتهى الملف قبل أوانه
os-error-write-zero = تعذّرت كتابة أي شيء
os-error-file-too-large = الملف أكبر مما يتسع له القرص
os-error-resource-busy = الملف قيد الاستعمال
os-error-crosses-devices = لا يمكن نقل الملف بين قرصين
os-error-too-many-links = روابط أكثر من اللازم
os-error-network = فشل الاتصال بالشبكة
os-error-broken-pipe = أُغلق الاتصال
os-error-out-of-memory = نفدت الذاكرة
os-error-unsupported = غير مدعوم هنا
os-error-deadlock = الملف مقفل
os-error-other = خطأ من النظام
os-error-other-code = خطأ النظام رقم { $code }

## مشكلات ملف التوسيم (app::i18n::io_problem)
io-problem-at = السطر { $line }، العمود { $col }: { $problem }
io-problem-not-utf8 = الملف ليس نصًا بترميز يونيكود
io-problem-syntax-number = رقم هنا سالب أو أكبر من المسموح
io-problem-syntax-truncated = ينتهي الملف قبل أوانه: إما أنه مبتور وإما أن قوسًا ناقص
io-problem-syntax-too-deep = الأقواس متداخلة أعمق مما تسمح به الصيغة
io-problem-syntax-other = النص هنا لا يتبع صيغة ملف التوسيم
io-problem-sha256 = بصمة المقال في الملف ليست 64 خانة ست عشرية
io-problem-char-len = طول المقال في الملف { $length }، وهو أكبر من أي مقال تفتحه حاشية
io-problem-version-too-low = يذكر الملف إصدار الصيغة { $declared } لكنه يستعمل حقولًا من الإصدار { $needed }؛ والحفظ يكتب الإصدار { $needed }
io-problem-attribute-repeated = يعطي المقطع { $span } السمة «{ $name }» أكثر من مرة؛ تبقى القيمة الأخيرة
io-problem-unknown-attribute = للمقطع { $span } السمة «{ $name }» التي لا تعرّفها تسميته
io-problem-attribute-value = قيمة { $name } في المقطع { $span } هي «{ $value }»، وليست من قيم المخطط
io-problem-span-twice = المقطع { $span } معرّف مرتين
io-problem-unknown-label = للمقطع { $span } التسمية «{ $label }» التي لا يعرّفها المخطط
io-problem-bad-range = مدى المقطع { $span } هو { $start }..{ $end }، وهو فارغ أو يتجاوز المقال أو لا يساوي طول نصه
io-problem-bad-entity = يذكر المقطع { $span } كيانًا معرّفه غير صالح
io-problem-link-twice = العلاقة { $link } معرّفة مرتين
io-problem-missing-span = تشير العلاقة { $link } إلى المقطع { $span }، وهو غير موجود
io-problem-unknown-relation = نوع العلاقة { $link } هو «{ $kind }» الذي لا يعرّفه المخطط
io-problem-link-labels = العلاقة { $link }: لا تصل علاقة { $kind } من { $from } إلى { $to }
io-problem-link-repeats = العلاقة { $link } تكرار للعلاقة { $first }
io-problem-only-one-link = العلاقة { $link }: للمقطع { $span } علاقة { $kind } من قبل ({ $first })، ولا تكون له إلا واحدة
io-problem-more = … { $count ->
    [zero] ولا مشكلات أخرى
    [one] ومشكلة أخرى
    [two] ومشكلتان أخريان
    [few] و{ $count } مشكلات أخرى
    [many] و{ $count } مشكلةً أخرى
   *[other] و{ $count } مشكلة أخرى
}
io-problem-annotator-name = لا يصلح اسم الموسِّم «{ $name }» جزءًا من اسم ملف: استعمل الحروف والأرقام و- و_
io-problem-no-article = لا يذكر الملف أي مقال
io-problem-other = في الملف مشكلة

## لماذا علّم برنامج الدمج مقطعًا للمراجعة (app::i18n::merge_note)
merge-kept-ours = غيّر الفرعان هذا المقطع؛ وهذه نسختنا منه
merge-kept-theirs = غيّر الفرعان هذا المقطع؛ وهذه نسختهم منه
merge-link-no-relation = أُسقطت علاقة { $kind } إلى { $to } («{ $text }»): لا علاقة { $kind } في المخطط
merge-link-labels = أُسقطت علاقة { $kind } إلى { $to } («{ $text }»): لا تصل علاقة { $kind } من { $head } إلى { $child }
merge-link-only-one = أُسقطت علاقة { $kind } إلى { $to } («{ $text }»): لا يكون لـ{ $head } إلا علاقة { $kind } واحدة

## ما قاله تحميل التوسيمات (app::i18n::load_warning)
load-article-changed = تغيّر المقال منذ حُفظت هذه التوسيمات (طوله حينها { $then } والآن { $now }): أُعيد تثبيت المقاطع بحسب نصوصها
load-other-article = حُفظت التوسيمات للمقال «{ $saved }»، والمقال المفتوح «{ $article }»
load-moved = مقاطع أُعيد تثبيتها حيث صار نصها وعُلِّمت للمراجعة ({ $count }): { $details }
load-orphaned = مقاطع تعذّر وضعها في المقال (لم يعد نصها فيه، أو ليس بين المقاطع المجاورة لها) فحُفظت يتيمة ({ $count }): { $details }
load-suggestions-dropped = اقتراحات لم تعد تطابق نص المقال فأُسقطت ({ $count })؛ شغّل مصدرها مرة أخرى
load-lints = أشياء في الملف لا يعرّفها المخطط أو سيغيّرها الحفظ ({ $count }): { $details }
load-more-details = { $details } … وغيرها ({ $more })

## الاقتراحات والمخططات في الملف (app::i18n::io_problem, schema_error)
io-problem-suggestion-twice = الاقتراح { $id } معرّف مرتين
io-problem-suggestion-score = درجة الاقتراح { $id } ليست عددًا من 0 إلى 1
io-problem-suggestion-label = للاقتراح { $id } التسمية «{ $label }» التي لا يعرّفها المخطط
io-problem-suggestion-range = مدى الاقتراح { $id } هو { $start }..{ $end }، وهو خارج النص
io-problem-suggestion-kind = نوع الاقتراح { $id } هو «{ $kind }» الذي لا يعرّفه المخطط
io-problem-suggestion-end = يشير الاقتراح { $id } إلى مقطع أو اقتراح ليس في الملف
io-problem-entity-no-name = الكيان { $id } بلا اسم
io-problem-entity-country = بلد الكيان { $id } هو «{ $value }»، وليس رمز بلد من ثلاثة أحرف لاتينية كبيرة وفق المعيار الدولي (مثل LBY)
io-problem-entity-role = دور الكيان { $id } هو «{ $value }»، وليس رمزًا من أحرف لاتينية كبيرة (مثل GOV أو MIL أو REB)
io-problem-entity-wikidata = معرّف ويكي بيانات للكيان { $id } هو «{ $value }»، وليس معرّف عنصر (حرف Q يتبعه رقم، مثل Q1853985)
io-problem-entity-id = «{ $text }» ليس معرّف كيان (حرف E يتبعه رقم من 1، مثل E3)
io-problem-entity-twice = عُرّف الكيان { $id } مرتين
io-problem-project-no-annotator = لا يذكر المشروع أي موسِّم
io-problem-project-annotator-twice = ذُكر الموسِّم «{ $name }» مرتين
io-problem-project-per-document = { $annotators ->
    [zero] يطلب المشروع { $count } موسِّمين لكل مقال، وليس فيه أي موسِّم
    [one] يطلب المشروع { $count } موسِّمين لكل مقال، وليس فيه إلا موسِّم واحد
    [two] يطلب المشروع { $count } موسِّمين لكل مقال، وليس فيه إلا موسِّمان
    [few] يطلب المشروع { $count } موسِّمين لكل مقال، وفيه { $annotators } موسِّمين
    [many] يطلب المشروع { $count } موسِّمين لكل مقال، وفيه { $annotators } موسِّمًا
   *[other] يطلب المشروع { $count } موسِّمين لكل مقال، وفيه { $annotators } موسِّم
}
io-problem-project-stranger = أُسند { $article } إلى «{ $name }»، وليس من موسِّمي المشروع
schema-error-parse = تعذّرت قراءة المخطط
schema-error-duplicate-label = يعرّف المخطط التسمية «{ $label }» مرتين
schema-error-duplicate-relation = يعرّف المخطط العلاقة «{ $relation }» مرتين
schema-error-unknown-label = تشير العلاقة «{ $relation }» في المخطط إلى تسمية غير معروفة «{ $label }»
schema-error-no-labels = ليس في المخطط أي تسمية

## ما فعله التصدير أو الاستيراد (ui::dataset_dialogs::export_summary, import_summary)
export-summary-tokens = { $tokens } في { $sentences }
export-summary-splits = التقسيم: { $parts }
export-report-skipped-documents = مستندات بلا توسيمات تُركت ({ $count })
export-report-spans-orphaned = مقاطع يتيمة لم تُصدَّر ({ $count })
export-report-links-orphaned = علاقات لمقاطع يتيمة لم تُصدَّر ({ $count })
export-report-spans-flattened = مقاطع متداخلة سُطّحت وبقي الخارجي منها ({ $count })
export-report-spans-crossing = مقاطع متقاطعة تُركت ({ $count })
export-report-spans-lost = مقاطع لا تغطي أي وحدة تُركت ({ $count })
export-report-spans-trimmed = مقاطع كُتبت دون فواصل الأسطر في أولها أو آخرها ({ $count })
export-report-links-dropped = علاقات لا تحملها الصيغة تُركت ({ $count })
import-summary-labels = تسميات أُضيفت إلى المخطط: { $names }
import-summary-relations = علاقات أُضيفت: { $names }
import-summary-attributes = سمات أُضيفت: { $names }
dataset-cannot-read = تعذّرت قراءة { $path } ({ $why })
dataset-cannot-write = تعذّرت كتابة { $path } ({ $why })
dataset-not-utf8 = ليس نصًا بترميز يونيكود: { $path }
dataset-spacy-failed = تعذّرت كتابة ملف spaCy DocBin: { $path }
dataset-parquet-failed = تعذّرت كتابة ملف Parquet ({ $detail }): { $path }
dataset-no-brat-documents = لا وثيقة brat (ملف ‎.ann مع ملف ‎.txt) في { $path }
export-nothing-annotated = لا وثيقة موسومة بين المدخلات (بلا توسيمات: { $count })
import-would-overwrite = كان سيستبدل ملفات موجودة ({ $count })، أولها { $path }
import-stopped = { $error } (كُتبت قبله وثائق عددها { $count })
split-bad = تقسيم غير صالح «{ $spec }»: { $why }
split-not-name-fraction = «{ $text }» ليس على صورة الاسم=الكسر
split-bad-name = اسم الجزء «{ $text }» يُكتب بحروف لاتينية وأرقام و- و_ فقط
split-twice = الجزء «{ $text }» مذكور مرتين
split-not-fraction = «{ $text }» ليس كسرًا
split-sum = مجموع الكسور { $text } وليس 1

## ما غيّره التصدير أو الاستيراد أو تركه (app::i18n::data_warning)
data-span-outside = المقطع { $key } مداه { $start }..{ $end } خارج النص (0..{ $length })؛ تُرك
data-span-text-differs = يقول المقطع { $key } إنه يغطي «{ $expected }» لكن في { $start }..{ $end } «{ $actual }»؛ أُبقيت مواضعه
data-span-id-rejected = معرّف المقطع { $key } { $why }؛ أُعطي معرّفًا جديدًا
data-id-zero = يساوي صفرًا
data-id-too-large = كبير جدًا
data-id-used-twice = مستعمل مرتين
data-span-key-twice = معرّف المقطع { $key } مستعمل لمقطعين
count-nul-characters = { $count ->
    [zero] لا محارف صفرية
    [one] محرف صفري واحد
    [two] محرفان صفريان
    [few] { $count } محارف صفرية
    [many] { $count } محرفًا صفريًا
   *[other] { $count } محرف صفري
}
data-nul-characters = حلّ محرف الاستبدال في النص محلّ { $characters }
data-line-ends = وُحّدت نهايات الأسطر في النص على محرف السطر الجديد وحده (وتحرّكت المقاطع مع نصها)
data-link-missing-span = رابط { $kind } من { $from } إلى { $to } يشير إلى مقطع غير موجود؛ تُرك
data-link-no-relation = رابط { $kind } من { $from } إلى { $to }: لا علاقة بهذا الاسم في المخطط؛ تُرك
data-link-labels = رابط { $kind } من { $from } إلى { $to } يصل { $head } بـ{ $child }، وعلاقة { $kind } في المخطط { $pairs }؛ تُرك
data-link-pair = من { $head } إلى { $child }
data-link-pair-or = { $pairs } أو { $pair }
data-link-repeats = رابط { $kind } من { $from } إلى { $to } يكرّر رابطًا قبله؛ تُرك
data-link-second = رابط { $kind } من { $from } إلى { $to } رابط { $kind } ثانٍ لـ{ $head } وليس له إلا واحد؛ تُرك
data-link-id-rejected = رابط { $kind } من { $from } إلى { $to }: معرّف الرابط { $why }؛ أُعطي معرّفًا جديدًا
data-lines-left-out = أسطر تشير إلى توسيمات تُركت فتُخطّيت ({ $count }): الأسطر { $lines }
data-relations-widened = صارت علاقات المخطط تقبل أيضًا أزواج التسميات التي يربطها الإدخال: { $pairs }
data-brat-lines-skipped = { $count ->
    [one] تُخطّي سطر { $kind } واحد: { $reason } ({ $places })
    [two] تُخطّي سطرا { $kind }: { $reason } ({ $places })
   *[other] تُخطّيت أسطر { $kind } ({ $count }): { $reason } ({ $places })
}
data-brat-place = { $id } في السطر { $line }
data-brat-place-line = السطر { $line }
data-brat-more = … وغيرها ({ $count })
brat-skip-no-tab = لا جدولة بعد المعرّف
brat-skip-unknown-kind = نوع توسيم غير معروف
brat-skip-no-offsets = لا مواضع
brat-skip-bad-offsets = المواضع ليست على صورة «بداية نهاية[;بداية نهاية…]»
brat-skip-relation-arguments = العلاقة تحتاج إلى طرفين
brat-skip-event-trigger = الحدث يحتاج إلى «النوع:المُطلِق»
brat-skip-event-argument = طرف الحدث يحتاج إلى «الدور:المعرّف»
brat-skip-attribute-arguments = السمة تحتاج إلى اسم وهدف
brat-skip-note-arguments = الملاحظة تحتاج إلى نوع وهدف واحد
brat-skip-trigger-not-span = مُطلِقه ليس مقطعًا من النص
brat-skip-event-argument-missing = أحد أطرافه ليس توسيمًا في الملف؛ تُرك ذلك الطرف
brat-skip-relation-argument-missing = أحد طرفيها ليس توسيمًا في الملف
brat-skip-missing-annotation = يشير إلى توسيم ليس في الملف
data-discontinuous = { $id }: قُرئ المقطع المتقطع مدى واحدًا { $start }..{ $end }
data-brat-text-differs = { $id }: حقل النص «{ $field }» يخالف النص في مواضعه «{ $expected }»؛ أُبقيت المواضع
data-ann-without-txt = لا ملف { $stem }.txt بجانب { $stem }.ann؛ تُخطّي
data-empty-token = وحدة فارغة؛ تُخطّيت
data-token-with-spaces = الوحدة «{ $token }» فيها مسافات؛ أُبقيت وحدة واحدة، وحُفظت كل مسافة فيها مسافةً غير فاصلة (وتُصدَّر مسافة)
data-layered-token-skipped = وحدة فارغة أو فيها مسافات في ملف متعدد الطبقات؛ تُخطّي السطر
data-tag-columns = في السطر { $found } من أعمدة الوسوم والترويسة تسمّي { $named }؛ قُرئت الوسوم الناقصة O
data-no-tag = لا وسم؛ قُرئ O
data-no-tag-in-column = لا وسم في العمود { $column }؛ قُرئ O
data-stray-inside = { $tag } لا يلي مقطع { $kind }؛ يبدأ مقطعًا جديدًا
data-bare-tag = الوسم «{ $kind }» بلا بادئة B- أو I-؛ تُقرأ هذه الوسوم على نظام IO
data-not-json = ليس JSON ({ $error })؛ تُخطّي السطر
data-no-text = لا نص في الحقل "text"؛ تُخطّي السطر
data-unknown-status = حالة غير معروفة «{ $name }»؛ { $fallback }
data-not-a-list = «{ $key }» ليس قائمة؛ أُهمل
data-span-fields = spans[{ $index }] يحتاج إلى start وend وlabel؛ تُرك
data-relation-fields = relations[{ $index }] يحتاج إلى label وhead وchild؛ تُرك
data-attribute-item = في spans[{ $index }].attributes القيمة { $item } (وليست { $shape })؛ تُركت
data-attributes-not-list = spans[{ $index }].attributes قيمته { $value } (وليست قائمة)؛ أُهمل
data-bad-entity-id = spans[{ $index }].entity: «{ $text }» ليس معرّف كيان (E يليه عدد من 1، مثل E3)؛ تُرك
data-entity-not-id = spans[{ $index }].entity قيمته { $value } (وليست معرّفًا مثل "E3")؛ تُرك
data-doccano-label-shape = { $key }[{ $index }] ليس على صورة [start, end, "label"]؛ تُرك
data-doccano-entity-fields = entities[{ $index }] يحتاج إلى start_offset وend_offset وlabel؛ تُرك
data-doccano-relation-fields = relations[{ $index }] يحتاج إلى type وfrom_id وto_id؛ تُرك
data-repair-text = { $name }: { $repairs }؛ وتحرّكت المقاطع مع نصها
data-repair-nuls = حلّ محرف الاستبدال محلّ { $count ->
    [one] محرف صفري واحد
    [two] محرفين صفريين
    [few] { $count } محارف صفرية
    [many] { $count } محرفًا صفريًا
   *[other] { $count } محرف صفري
}
data-repair-bom = حُذفت علامة ترتيب البايتات
data-repair-line-ends = وُحّدت نهايات الأسطر على محرف السطر الجديد وحده
data-repair-span-removed = { $name }: المقطع { $span } لم يغطِّ إلا محارف حُذفت؛ تُرك
data-links-dropped = { $document }: لا روابط في { $format }؛ فلم يُصدَّر منها: { $links }
data-format-conll = CoNLL
data-format-spacy = ملف spaCy DocBin
data-format-token-classification = صيغة تصنيف الوحدات
data-doccano-no-links = { $document }: لا روابط في صيغة التسميات لـdoccano؛ فلم يُصدَّر منها: { $links } (اختر صيغة doccano مع العلاقات)
data-only-line-breaks = { $document }: المقطع { $span } ({ $label }) لا يغطي إلا فواصل أسطر؛ لا يحمله brat
data-line-breaks-trimmed = { $document }: المقطع { $span } ({ $label }) يبدأ أو ينتهي بفاصل سطر؛ لا يحمله brat، فكُتب دونه
data-kept-lines-dropped = { $document }: أسطر brat محفوظة تشير إلى توسيمات حُذفت فتُركت ({ $count }): { $ids }
data-span-left-out = { $document }: المقطع { $span } { $why }؛ لم يُصدَّر
data-loss-no-column = لا عمود له
data-loss-no-token = لا يغطي أي وحدة
data-loss-not-on-tokens = لا تقع حدوده على حدود الوحدات
data-span-inside = { $document }: المقطع { $span } داخل المقطع { $other }؛ تُرك خارج عمود الوسوم
data-span-inside-layered = { $document }: المقطع { $span } داخل المقطع { $other }؛ تُرك خارج عمود الوسوم (ويحفظه تصدير CoNLL بعمود لكل وسم)
data-span-crosses = { $document }: المقطع { $span } يتقاطع مع المقطع { $other }؛ تُرك خارج عمود الوسوم
data-span-crosses-layered = { $document }: المقطع { $span } يتقاطع مع المقطع { $other }؛ تُرك خارج عمود الوسوم (ويحفظه تصدير CoNLL بعمود لكل وسم)
data-unknown-entity = { $document }: تذكر المقاطع الكيان { $id } وليس في سجل الكيانات
data-no-event-relations = { $document }: ليس في المخطط علاقة «{ $party }» ولا علاقة «{ $speaker }»، فلا إجراء ولا اقتباس يُصدَّر
data-label-not-in-labels-file = { $document }: التسمية «{ $label }» ليست في { $file }؛ كُتبت وحداتها O
data-foreign-card = { $path } ليست بطاقة مجموعة بيانات كتبتها حاشية؛ أُبقيت، فحمّل الأجزاء بـ{ $call }
data-name-taken = مستندان باسم { $name }؛ كُتب الثاني باسم { $renamed }
count-orphaned-spans = { $count ->
    [zero] لا مقاطع يتيمة
    [one] مقطع يتيم واحد
    [two] مقطعان يتيمان
    [few] { $count } مقاطع يتيمة
    [many] { $count } مقطعًا يتيمًا
   *[other] { $count } مقطع يتيم
}
data-input-load = { $article }: { $warning }
data-input-orphans = { $article }: لم يُصدَّر { $spans } (لم يعد نصها في المقال) ولا روابطها: { $links }
data-open-orphans = { $article }: لم يُصدَّر { $spans } ولا روابطها: { $links }
import-warning-file-line = { $file }، السطر { $line }: { $message }
import-warning-file = { $file }: { $message }
import-warning-line = السطر { $line }: { $message }
dataset-refused = رُفض استبدال { $what }: { $path }
dataset-refused-annotation-file = ملف توسيم
dataset-refused-input = أحد مدخلات هذا التصدير
dataset-refused-annotated-article = مقال موسوم
dataset-refused-foreign-text = ملف نصي لم يكتبه تصدير brat (مقال؟)
dataset-no-such-article = لا مقال بهذا الاسم: { $path }
dataset-registries = تنتمي المدخلات إلى سجلات كيانات مختلفة: { $paths }
export-needs-destination = هذا التصدير يكتب ملفات: حدّد وجهة
export-event-labels = لا تسمية «{ $label }» في مخطط أي مستند
import-refused = { $name }: لم يُكتب، إذ لا تستطيع حاشية فتحه: { $problems }
import-not-written = لم يُكتب، إذ لا تستطيع حاشية فتحه: { $problems }
import-cannot-create-folder = تعذّر إنشاء المجلد ({ $why }): { $path }
data-prediction-not-json = ليس JSON ({ $error })؛ تُرك السطر
data-prediction-no-text = لا نص في الحقل "text"؛ تُرك السطر
data-prediction-span-fields = المقطع { $span } بلا start وend وlabel؛ تُرك
