package extract

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"finexport/extract/grid"
	"finexport/extract/htmlgrid"
	"finexport/extract/textgrid"
)

// References for the passes over a whole document: each new pass must
// give what the old one gave, on every document of the corpus and on
// fuzzed text.

// refSourceOf is sourceOf as it was: the text searched from the line's
// start, an expression compiled for its words when it is not there, and
// the characters counted from the line's start.
func refSourceOf(ctx *docContext, n int, text string) Source {
	src := Source{File: ctx.file, Line: n}
	lineText := ctx.lineText(n)
	loc := []int{strings.Index(lineText, text), 0}
	if loc[0] < 0 {
		re := regexp.MustCompile(strings.Join(strings.Fields(regexp.QuoteMeta(text)), `\s+`))
		loc = re.FindStringIndex(lineText)
	} else {
		loc[1] = loc[0] + len(text)
	}
	if loc != nil {
		src.ColStart = utf8.RuneCountInString(lineText[:loc[0]]) + 1
		src.ColEnd = utf8.RuneCountInString(lineText[:loc[1]])
	}
	return src
}

// corpusDocs calls each with the context (its lines) and the prose of
// every document of the corpus, as readDocument reads them.
func corpusDocs(t testing.TB, each func(ctx *docContext, prose []line)) {
	var names []string
	for _, kind := range []string{"text", "html"} {
		names = append(names, corpusFiles(t, kind)...)
	}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lines, _, err := textgrid.Decode(raw)
		if err != nil {
			continue
		}
		ctx := &docContext{file: name, lines: make([]string, len(lines))}
		for i, l := range lines {
			ctx.lines[i] = l.Text
		}
		for _, d := range splitSubmission(lines).docs {
			prose := d.Lines
			if looksLikeHTML(d) {
				_, p := htmlgrid.Read(d.Lines, func(int, string) {})
				prose = paragraphs(p)
			}
			each(ctx, prose)
		}
	}
}

// TestSourceOfMatchesReference: every prose figure of the corpus gets the
// columns the old search gave, in the reader's order and in reverse.
func TestSourceOfMatchesReference(t *testing.T) {
	ctx := &docContext{lines: []string{"Revenue was $1.2  million, or $1.2\tmillion; $1.2 million", "a \xe2$5\xff  million é $5 million", "", "x"}}
	for _, q := range []struct {
		n    int
		text string
	}{{1, "$1.2 million"}, {1, "$1.2 million"}, {1, "$1.2   million"}, {2, "$5 million"}, {2, "$5 million"}, {1, "$1.2"}, {2, "é $5"}, {2, "$5"},
		{3, "$1"}, {4, ""}, {4, "  "}, {9, "$1"}, {1, "$9 million"}, {2, "\ufffd$5"}, {2, "\xe2$5"}} {
		if got, want := ctx.sourceOf(q.n, q.text), refSourceOf(ctx, q.n, q.text); got != want {
			t.Fatalf("sourceOf(%d, %q) = %+v, the reference says %+v", q.n, q.text, got, want)
		}
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	figures := 0
	corpusDocs(t, func(ctx *docContext, prose []line) {
		type call struct {
			n    int
			text string
		}
		var calls []call
		for _, s := range sentences(prose) {
			for _, a := range findAmounts(s.Text) {
				calls = append(calls, call{s.lineOf(a.Start), a.Text})
			}
		}
		for _, order := range []int{1, -1} {
			for i := range calls {
				c := calls[i]
				if order < 0 {
					c = calls[len(calls)-1-i]
				}
				if got, want := ctx.sourceOf(c.n, c.text), refSourceOf(ctx, c.n, c.text); got != want {
					t.Fatalf("%s: sourceOf(%d, %q) = %+v, the reference says %+v", ctx.file, c.n, c.text, got, want)
				}
			}
		}
		figures += len(calls)
	})
	if figures == 0 {
		t.Fatal("no prose figures read from the corpus")
	}
}

func FuzzSourceOf(f *testing.F) {
	f.Add("Revenue was $1.2  million, or $1.2\tmillion", "$1.2 million", "$1.2 million")
	f.Add("a \xe2$5\xff \n million", "\ufffd$5 million", "5")
	f.Fuzz(func(t *testing.T, line, a, b string) {
		if len(line) > 1<<10 || !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // the expression of an invalid text does not compile
		}
		ctx := &docContext{lines: []string{line, line}}
		for _, q := range []struct {
			n    int
			text string
		}{{1, a}, {1, b}, {2, b}, {2, a}, {1, a}} {
			if got, want := ctx.sourceOf(q.n, q.text), refSourceOf(ctx, q.n, q.text); got != want {
				t.Fatalf("sourceOf(%d, %q) on %q = %+v, the reference says %+v", q.n, q.text, line, got, want)
			}
		}
	})
}

// refWeekCalendarWords is the test learnCalendar made: each phrase
// searched for over the whole lower-cased text.
func refWeekCalendarWords(low string) bool {
	for _, w := range weekCalendarWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

func checkWeekCalendarWords(t *testing.T, text string) {
	t.Helper()
	low := asciiLower(text)
	if got, want := holdsWeekCalendarWords(low), refWeekCalendarWords(low); got != want {
		t.Fatalf("holdsWeekCalendarWords(%.200q) = %v, the reference says %v", low, got, want)
	}
}

// TestWeekCalendarWordsMatchReference: every phrase, alone and in text, at
// either end, and every document's prose of the corpus.
func TestWeekCalendarWordsMatchReference(t *testing.T) {
	checkWeekCalendarWords(t, "")
	for _, w := range weekCalendarWords {
		for _, s := range []string{w, strings.ToUpper(w), "x" + w, w + "x", "The year ended on the " + w + " of it.", w[:len(w)-1], w[1:]} {
			checkWeekCalendarWords(t, s)
		}
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	docs, found := 0, 0
	corpusDocs(t, func(_ *docContext, prose []line) {
		text := joinProse(prose)
		checkWeekCalendarWords(t, text)
		docs++
		if refWeekCalendarWords(asciiLower(text)) {
			found++
		}
	})
	if docs == 0 || found == 0 {
		t.Fatalf("%d corpus documents, %d with a 52/53-week phrase", docs, found)
	}
}

func FuzzWeekCalendarWords(f *testing.F) {
	f.Add("Fiscal 2003 was a 53-week year ending on the Saturday closest to January 31.")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkWeekCalendarWords(t, s)
	})
}

// TestFullDatesMatchExpression: the scan finds what the expression finds
// in every corpus document's prose lines and in every window learnCalendar
// reads (checkFullDates in datescan_test.go; TestFullDatesAsReference
// holds the hand-picked cases and the corpus lines).
func TestFullDatesMatchExpression(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	windows := 0
	corpusDocs(t, func(_ *docContext, prose []line) {
		text := joinProse(prose)
		low := asciiLower(text)
		for _, l := range prose {
			checkFullDates(t, l.Text)
		}
		for from := 0; ; {
			i := indexWord(low[from:], "ended")
			if i < 0 {
				break
			}
			at := from + i
			checkFullDates(t, text[at:min(len(text), at+140)])
			windows++
			from = at + len("ended")
		}
	})
	if windows == 0 {
		t.Fatal("no 'ended' in the corpus")
	}
}

// refASCIICase is asciiCase as it was: a byte written at a time.
func refASCIICase(s string, from, to byte, shift int) string {
	i := 0
	for i < len(s) && (s[i] < from || s[i] > to) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c >= from && c <= to {
			c = byte(int(c) + shift)
		}
		b.WriteByte(c)
	}
	return b.String()
}

func checkASCIICase(t *testing.T, s string) {
	t.Helper()
	if got, want := asciiLower(s), refASCIICase(s, 'A', 'Z', 'a'-'A'); got != want {
		t.Fatalf("asciiLower(%.200q) = %.200q, the reference %.200q", s, got, want)
	}
	if got, want := asciiUpper(s), refASCIICase(s, 'a', 'z', 'A'-'a'); got != want {
		t.Fatalf("asciiUpper(%.200q) = %.200q, the reference %.200q", s, got, want)
	}
}

var asciiCaseCases = []string{"", "a", "A", "aB", "Ab", "ABC def GHI", "É é \u212a ſ Z", "\xff@[`{", "zZ"}

// TestASCIICaseMatchesReference: every corpus document's prose and every
// line of it, both ways.
func TestASCIICaseMatchesReference(t *testing.T) {
	for _, s := range asciiCaseCases {
		checkASCIICase(t, s)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	corpusDocs(t, func(_ *docContext, prose []line) {
		checkASCIICase(t, joinProse(prose))
		for _, l := range prose {
			checkASCIICase(t, l.Text)
		}
	})
}

func FuzzASCIICase(f *testing.F) {
	for _, s := range asciiCaseCases {
		f.Add(s)
	}
	f.Fuzz(checkASCIICase)
}

// BenchmarkASCIILowerCorpus lower-cases every corpus document's prose.
func BenchmarkASCIILowerCorpus(b *testing.B) {
	var texts []string
	size := 0
	corpusDocs(b, func(_ *docContext, prose []line) {
		texts = append(texts, joinProse(prose))
		size += len(texts[len(texts)-1])
	})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			_ = asciiLower(s)
		}
	}
}

// refMayTitleStatement is mayTitleStatement as it was: six searches of a
// lower-cased copy.
func refMayTitleStatement(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(low, "balance") || strings.Contains(low, "cash flow") || strings.Contains(low, "income") ||
		strings.Contains(low, "operations") || strings.Contains(low, "earnings") || strings.Contains(low, "financial")
}

func checkMayTitleStatement(t *testing.T, s string) {
	t.Helper()
	if got, want := mayTitleStatement(s), refMayTitleStatement(s); got != want {
		t.Fatalf("mayTitleStatement(%q) = %v, the reference %v", s, got, want)
	}
}

var titleCases = []string{"", "BALANCE SHEETS", "Cash Flows", "cash\tflow", "CASH\x00FLOW", "Statements of Income", "FİNANCİAL DATA",
	"Results of Operation", "EARNINGS", "earning", "financia", "balanc", "xincomex", "Caſh flow", "In\u212acome", "the balance"}

func TestMayTitleStatementMatchesReference(t *testing.T) {
	for _, s := range titleCases {
		checkMayTitleStatement(t, s)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	for _, s := range referenceTexts(t) {
		checkMayTitleStatement(t, s)
	}
	corpusDocs(t, func(_ *docContext, prose []line) {
		for _, l := range prose {
			checkMayTitleStatement(t, l.Text)
			checkMayTitleStatement(t, strings.TrimSpace(l.Text))
		}
	})
}

func FuzzMayTitleStatement(f *testing.F) {
	for _, s := range titleCases {
		f.Add(s)
	}
	f.Fuzz(checkMayTitleStatement)
}

// refTitlesStatement is titlesStatement as it was: every line read as a
// title, the last one remembered.
func refTitlesStatement(lines []line) bool {
	title := -100
	for i, l := range lines {
		s := strings.TrimSpace(l.Text)
		switch {
		case s == "":
		case len(s) >= 6 && strings.EqualFold(s[:6], "<TABLE"):
			if i-title <= 8 {
				return true
			}
		case len(s) <= 80 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":") && mayTitleStatement(s) && classifyTitle(s) != Other:
			title = i
		}
	}
	return false
}

func checkTitlesStatement(t *testing.T, texts []string) {
	t.Helper()
	lines := make([]line, len(texts))
	for i, s := range texts {
		lines[i] = line{N: i + 1, Text: s}
	}
	if got, want := titlesStatement(lines), refTitlesStatement(lines); got != want {
		t.Fatalf("titlesStatement(%q) = %v, the reference %v", texts, got, want)
	}
}

// TestTitlesStatementMatchesReference: every corpus document, and each
// window of its lines around every <TABLE>, cut at each distance from it.
func TestTitlesStatementMatchesReference(t *testing.T) {
	gap := func(n int) []string { return make([]string, n) }
	for _, texts := range [][]string{
		nil, {"<TABLE>"}, {"BALANCE SHEETS", "<TABLE>"}, append(append([]string{"BALANCE SHEETS"}, gap(7)...), "<table>"),
		append(append([]string{"BALANCE SHEETS"}, gap(8)...), "<TABLE>"), {"Balance sheets.", "<TABLE>"},
		{"BALANCE SHEETS", "<TABLE>", "<TABLE>"}, {"<TABLE> BALANCE SHEETS", "<TABLE>"}, {"  <Table", " Statements of Cash Flows ", "<TABLE"},
	} {
		checkTitlesStatement(t, texts)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	tables := 0
	corpusDocs(t, func(_ *docContext, prose []line) {
		texts := make([]string, len(prose))
		for i, l := range prose {
			texts[i] = l.Text
		}
		checkTitlesStatement(t, texts)
		for i, s := range texts {
			if !isTableTag(strings.TrimSpace(s)) {
				continue
			}
			tables++
			for from := max(0, i-10); from <= i; from++ {
				checkTitlesStatement(t, texts[from:i+1])
			}
		}
	})
	if tables == 0 {
		t.Fatal("no <TABLE> in the corpus")
	}
}

func FuzzTitlesStatement(f *testing.F) {
	f.Add("BALANCE SHEETS\n\n<TABLE>\nx\n<table>")
	f.Add("Statements of Income\n1\n2\n3\n4\n5\n6\n7\n<TABLE>")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkTitlesStatement(t, strings.Split(s, "\n"))
	})
}

// refJoinProse is joinProse as it was: the trimmed lines joined, then
// folded.
func refJoinProse(lines []line) string {
	parts := make([]string, 0, len(lines))
	for _, l := range lines {
		if s := strings.TrimSpace(l.Text); s != "" {
			parts = append(parts, s)
		}
	}
	return grid.FoldSpaces(strings.Join(parts, " "))
}

func checkJoinProse(t *testing.T, lines []line) {
	t.Helper()
	if got, want := joinProse(lines), refJoinProse(lines); got != want {
		t.Fatalf("joinProse(%.300v) = %.300q, the reference %.300q", lines, got, want)
	}
}

func TestJoinProseMatchesReference(t *testing.T) {
	for _, texts := range [][]string{nil, {""}, {" "}, {"a"}, {" a  b ", "", "  ", "c\u00a0\u2003d\t", "\xff  é"}, {"", "x"}, {"x", "\u0085"}} {
		lines := make([]line, len(texts))
		for i, s := range texts {
			lines[i] = line{N: i + 1, Text: s}
		}
		checkJoinProse(t, lines)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	corpusDocs(t, func(_ *docContext, prose []line) { checkJoinProse(t, prose) })
}

func FuzzJoinProse(f *testing.F) {
	f.Add(" a  b \n\n  \nc\u00a0\u2003d\t\n\xff  é")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		var lines []line
		for i, l := range strings.Split(s, "\n") {
			lines = append(lines, line{N: i + 1, Text: l})
		}
		checkJoinProse(t, lines)
	})
}

// refLooksLikeHTML is looksLikeHTML as it was: each line lower-cased.
func refLooksLikeHTML(d document) bool {
	for i, l := range d.Lines {
		if i > 40 {
			break
		}
		low := strings.ToLower(l.Text)
		if strings.Contains(low, "<html") || strings.Contains(low, "<body") || strings.Contains(low, "<p ") || strings.Contains(low, "<div") {
			return true
		}
	}
	return false
}

func checkLooksLikeHTML(t *testing.T, texts []string) {
	t.Helper()
	var d document
	for i, s := range texts {
		d.Lines = append(d.Lines, line{N: i + 1, Text: s})
	}
	if got, want := looksLikeHTML(d), refLooksLikeHTML(d); got != want {
		t.Fatalf("looksLikeHTML(%.300q) = %v, the reference %v", texts, got, want)
	}
	for _, s := range texts {
		for _, p := range []string{"html", "body", "p ", "div", "ki", ""} {
			if got, want := hasPrefixLower(s, p), strings.HasPrefix(strings.ToLower(s), p); got != want {
				t.Fatalf("hasPrefixLower(%q, %q) = %v, the reference %v", s, p, got, want)
			}
		}
	}
}

var htmlCases = []string{"<HTML>", "<html", "< html", "<Body class=x>", "<p>", "<P style", "<dİv>", "<dIV", "<d\xffiv", "\u212ai", "İ", "<", "x<p ", "<htm"}

// TestLooksLikeHTMLMatchesReference: every document of the corpus, its
// first lines each alone, and tricky cases.
func TestLooksLikeHTMLMatchesReference(t *testing.T) {
	for _, s := range htmlCases {
		checkLooksLikeHTML(t, []string{s})
	}
	checkLooksLikeHTML(t, append(make([]string, 41), "<html>"))
	checkLooksLikeHTML(t, append(make([]string, 40), "<html>"))
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	html := 0
	for _, kind := range []string{"text", "html"} {
		for _, name := range corpusFiles(t, kind) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			lines, _, err := textgrid.Decode(raw)
			if err != nil {
				continue
			}
			for _, d := range splitSubmission(lines).docs {
				texts := make([]string, 0, 41)
				for _, l := range d.Lines[:min(len(d.Lines), 41)] {
					texts = append(texts, l.Text)
				}
				checkLooksLikeHTML(t, texts)
				if refLooksLikeHTML(d) {
					html++
				}
			}
		}
	}
	if html == 0 {
		t.Fatal("no HTML document in the corpus")
	}
}

func FuzzLooksLikeHTML(f *testing.F) {
	for _, s := range htmlCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkLooksLikeHTML(t, strings.Split(s, "\n"))
	})
}

// refYearRulesIn is yearRulesIn as it was: a search for each weekday's
// name over the whole text.
func refYearRulesIn(low string, month time.Month) []yearRule {
	var out []yearRule
	for name, wd := range weekdays {
		for from := 0; ; {
			i := indexWord(low[from:], name)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(name)
			before := strings.Fields(low[max(0, at-100):at])
			if len(before) == 0 || !strings.Contains(low[max(0, at-100):at], "year") {
				continue
			}
			after := strings.FieldsFunc(low[from:min(len(low), from+40)], func(r rune) bool { return r == ' ' || r == '\n' || r == ',' || r == '.' })
			if r, ok := readYearRule(before[len(before)-1], after, wd); ok && r.month == month && !hasRule(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// checkYearRules compares the rules as sets: the old order followed a
// map's, which varies from run to run.
func checkYearRules(t *testing.T, low string) int {
	t.Helper()
	found := 0
	for m := time.January; m <= time.December; m++ {
		got, want := yearRulesIn(low, m), refYearRulesIn(low, m)
		same := len(got) == len(want)
		for _, r := range got {
			same = same && hasRule(want, r)
		}
		if !same {
			t.Fatalf("yearRulesIn(%.300q, %v) = %v, the reference %v", low, m, got, want)
		}
		found += len(got)
	}
	return found
}

var yearRuleCases = []string{
	"fiscal years end on the last saturday in september.", "the fiscal year ends on the sunday closest to january 31",
	"its year ends on the friday nearest the end of december; quarters end on the last friday of march", "yearsaturday nearest march 31",
	"year xsaturday nearest march 31", "year saturdays nearest march 31", "year, last sunday of june, last monday of june", "day", "year day",
	"a 52-53 week fiscal year ending on the wednesday closest to june 30, 2004 and the thursday nearest june 30",
}

func TestYearRulesInMatchesReference(t *testing.T) {
	for _, s := range yearRuleCases {
		checkYearRules(t, s)
	}
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	found := 0
	corpusDocs(t, func(_ *docContext, prose []line) {
		found += checkYearRules(t, asciiLower(joinProse(prose)))
	})
	if found == 0 {
		t.Fatal("no year-end rule in the corpus")
	}
}

func FuzzYearRulesIn(f *testing.F) {
	for _, s := range yearRuleCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkYearRules(t, asciiLower(s))
	})
}

// BenchmarkYearRulesInCorpus reads the year-end rules of every corpus
// document's prose.
func BenchmarkYearRulesInCorpus(b *testing.B) {
	var lows []string
	size := 0
	corpusDocs(b, func(_ *docContext, prose []line) {
		lows = append(lows, asciiLower(joinProse(prose)))
		size += len(lows[len(lows)-1])
	})
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, low := range lows {
			_ = yearRulesIn(low, time.December)
		}
	}
}

// refStatesDate is statesDate as it was, on the expression's dates (fullDatesRef).
func refStatesDate(header string, d time.Time) bool {
	if !mayNamePeriod(header) {
		return false
	}
	for _, x := range fullDatesRef(header) {
		if x.Equal(d) {
			return true
		}
	}
	return false
}

// TestStatesDateMatchesReference: every corpus line's dates, as fullDates
// reads them, and a day off each.
func TestStatesDateMatchesReference(t *testing.T) {
	texts := append([]string{"Year ended September 30, 1994", "Five fiscal years ended September 30, 1994", "Feb 29, 2003", "Dec. 31, 2002 and Dec 31, 2003"}, fullDateCases...)
	if !testing.Short() {
		texts = append(texts, referenceTexts(t)...)
	}
	dated := 0
	for _, s := range texts {
		for _, x := range append(fullDatesRef(s), date(2003, 12, 31)) {
			for _, d := range []time.Time{x, x.AddDate(0, 0, 1)} {
				if got, want := statesDate(s, d), refStatesDate(s, d); got != want {
					t.Fatalf("statesDate(%q, %v) = %v, the reference %v", s, d, got, want)
				}
				if want := refStatesDate(s, d); want {
					dated++
				}
			}
		}
	}
	if dated == 0 {
		t.Fatal("no header states its date")
	}
}
