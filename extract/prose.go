package extract

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// sentence is one sentence of prose with a map back to its lines.
type sentence struct {
	Text  string
	lines []lineStart
}

type lineStart struct {
	Off, N int
}

// lineOf returns the file line of a byte offset in the sentence.
func (s *sentence) lineOf(off int) int {
	n := s.lines[0].N
	for _, ls := range s.lines {
		if ls.Off > off {
			break
		}
		n = ls.N
	}
	return n
}

var abbreviations = map[string]bool{"corp": true, "inc": true, "co": true, "ltd": true, "mr": true, "mrs": true, "ms": true, "dr": true, "no": true, "vs": true, "approx": true, "st": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "s": true, "e.g": true, "i.e": true}

// sentences splits prose into sentences: paragraphs are runs of non-blank
// lines, and a sentence ends at . ! or ? before a capital, except after an
// abbreviation ("Corp.", "U.S.") or an initial ("Philip H. Coelho").
func sentences(prose []line) []sentence {
	var out []sentence
	var text strings.Builder
	var starts []lineStart
	flush := func() {
		if text.Len() > 0 {
			out = append(out, splitSentences(sentence{Text: text.String(), lines: starts})...)
		}
		text.Reset()
		starts = nil
	}
	for _, l := range prose {
		t := strings.Join(strings.Fields(l.Text), " ")
		if t == "" || isPageBreak(t) {
			flush()
			continue
		}
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		starts = append(starts, lineStart{Off: text.Len(), N: l.N})
		text.WriteString(t)
	}
	flush()
	return out
}

// splitSentences cuts a paragraph into sentences, carrying each line's
// offset along so that every figure keeps its line.
func splitSentences(p sentence) []sentence {
	var out []sentence
	start, li := 0, 0
	cut := func(end int) {
		lead := start
		for lead < end && p.Text[lead] == ' ' {
			lead++
		}
		if lead < end {
			for li+1 < len(p.lines) && p.lines[li+1].Off <= lead {
				li++
			}
			s := sentence{Text: p.Text[lead:end], lines: []lineStart{{Off: 0, N: p.lines[li].N}}}
			for j := li + 1; j < len(p.lines) && p.lines[j].Off < end; j++ {
				s.lines = append(s.lines, lineStart{Off: p.lines[j].Off - lead, N: p.lines[j].N})
			}
			out = append(out, s)
		}
		start = end
	}
	t := p.Text
	for i := 0; i+2 < len(t); i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' || t[i+1] != ' ' {
			continue
		}
		next := rune(t[i+2])
		if !unicode.IsUpper(next) && next != '"' && next != '(' {
			continue
		}
		if c == '.' && isAbbreviation(t[start:i]) {
			continue
		}
		cut(i + 1)
	}
	cut(len(t))
	return out
}

// isAbbreviation looks at the word before a period.
func isAbbreviation(before string) bool {
	w := strings.ToLower(strings.Trim(lastWord(before), `"'(`))
	return abbreviations[w] || len(w) == 1 && unicode.IsLetter(rune(w[0]))
}

// lastWord returns the text after the last space.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// amount is a figure found in a sentence.
type amount struct {
	Start, End int
	Text       string
	Value      decimal.Decimal
	Resolution decimal.Decimal
	Unit       Unit
	PerShare   []string // the EPS items a "per share" amount names
	// Linking results.
	Item   string
	Metric bool
	Loss   bool
	Period Period
	Linked bool
}

var (
	reMoney    = regexp.MustCompile(`(?i)\$\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s+(?:million|billion|thousand)\b)?`)
	rePercent  = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?)\s?(%|percent\b)`)
	reShareNum = regexp.MustCompile(`(?i)\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion)\b)?\s+shares\b`)
	rePerShr   = regexp.MustCompile(`(?i)^\s+per\s+((?:[a-z]+\s+){0,4}?)share\b`)
	multiplier = map[string]int64{"thousand": 1000, "million": 1000000, "billion": 1000000000}
)

// readNumber reads "2,500,000" or "8" ".3", with an optional "million".
// The resolution is one unit of the last digit written: 0.1 million for
// "$8.3 million".
func readNumber(digits, frac, mult string) (decimal.Decimal, decimal.Decimal) {
	v, _ := decimal.NewFromString(strings.ReplaceAll(digits, ",", "") + frac)
	res := decimal.New(1, -int32(max(len(frac)-1, 0)))
	if m := multiplier[strings.ToLower(strings.TrimSpace(mult))]; m > 0 {
		v = v.Mul(decimal.NewFromInt(m))
		res = res.Mul(decimal.NewFromInt(m))
	}
	return v, res
}

// findAmounts finds money, percentages and share counts, in order.
func findAmounts(s string) []amount {
	var out []amount
	if !strings.ContainsAny(s, "$%") && !strings.Contains(s, "share") && !strings.Contains(s, "percent") {
		return nil
	}
	for _, m := range reMoney.FindAllStringSubmatchIndex(s, -1) {
		a := amount{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Unit: USD}
		a.Value, a.Resolution = readNumber(s[m[2]:m[3]], sub(s, m, 4), sub(s, m, 6))
		if ps := rePerShr.FindStringSubmatch(s[m[1]:]); ps != nil {
			a.Unit = PerShare
			words := strings.ToLower(ps[1])
			switch {
			case strings.Contains(words, "basic") && strings.Contains(words, "diluted"):
				a.PerShare = []string{"eps_basic", "eps_diluted"}
			case strings.Contains(words, "diluted"):
				a.PerShare = []string{"eps_diluted"}
			default:
				a.PerShare = []string{"eps_basic"}
			}
		}
		out = append(out, a)
	}
	for _, m := range rePercent.FindAllStringSubmatchIndex(s, -1) {
		a := amount{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Unit: Percent}
		whole, frac := splitFraction(s[m[2]:m[3]])
		a.Value, a.Resolution = readNumber(whole, frac, "")
		out = append(out, a)
	}
	taken := make([]bool, len(s)+1)
	for _, a := range out {
		for i := a.Start; i < a.End; i++ {
			taken[i] = true
		}
	}
	for _, m := range reShareNum.FindAllStringSubmatchIndex(s, -1) {
		if taken[m[0]] || taken[m[1]-1] {
			continue
		}
		a := amount{Start: m[0], End: m[1], Text: s[m[0]:m[1]], Unit: Shares}
		whole, frac := splitFraction(s[m[2]:m[3]])
		a.Value, a.Resolution = readNumber(whole, frac, sub(s, m, 4))
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// splitFraction splits "8.3" into "8" and ".3".
func splitFraction(s string) (string, string) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

func sub(s string, m []int, i int) string {
	if m[i] < 0 {
		return ""
	}
	return s[m[i]:m[i+1]]
}

// claim is a prose figure to hold against the tables once they are read.
type claim struct {
	kind   string // "value", "ratio", "change"
	stated amount
	fact   Fact     // the prose fact, for its source and sentence
	parts  []amount // ratio: the numerator; change: current and prior
	base   string   // ratio: the denominator item
}

// readProse turns every amount, percentage and share count in the prose
// into a fact, and links those that name an item and a period to claims.
func (ctx *docContext) readProse(f *Filing, prose []line) {
	cal := proseCalendar{cal: f.Calendar, fy: currentFiscalYear(f)}
	phrases := ctx.set.ProsePhrases()
	for _, s := range sentences(prose) {
		amounts := findAmounts(s.Text)
		if len(amounts) == 0 {
			continue // no figure: nothing to link
		}
		lower := strings.ToLower(s.Text)
		items := findItems(s.Text, lower, phrases)
		// Only a sentence that names an item, and reports it, makes a claim.
		noClaim := len(items) == 0 || containsAny(lower, notReportedWords) || strings.Contains(s.Text, "---") || strings.Contains(s.Text, "....")
		var periods []mention
		if !noClaim {
			periods = findPeriods(s.Text, lower, cal)
		}
		for i := range amounts {
			if noClaim || isChangeAmount(s.Text[:amounts[i].Start]) {
				continue // a fact of the sentence, but no claim on the tables
			}
			ctx.linkAmount(s.Text, &amounts[i], amounts[:i], items, periods)
			if amounts[i].Linked {
				amounts[i].Period = snapPeriod(f, amounts[i].Period)
			}
		}
		for i := range amounts {
			ctx.emitProse(f, &s, amounts, i)
		}
	}
}

// notReportedWords mark a sentence whose figures are not the company's
// reported consolidated figures: pro forma or hypothetical amounts,
// guidance, parts of a figure, other businesses.
var notReportedWords = []string{"pro forma", "proforma", "would have", "would be", "had been", "if the ", "excluding",
	"exclusive of", "prior to the combination", "of which", "foreign operations",
	"segment", "division", "guidance", "expects", "expected to", "anticipate", "outlook", "forecast", "target",
	"acquired", "predecessor", "on a comparable", "as adjusted"}

// isChangeAmount reports an amount that states a change or a part rather
// than a level: "a decrease in the net loss of approximately $3 million",
// "increased by $2.1 million", "including trial expenses of $326,000"
// (but "increased 6% to $2.5 million" is a level).
func isChangeAmount(before string) bool {
	words := strings.Fields(strings.ToLower(tail(before, 60)))
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if last == "approximately" || last == "about" || last == "nearly" {
		words = words[:len(words)-1]
		if len(words) == 0 {
			return false
		}
		last = words[len(words)-1]
	}
	switch last {
	case "increased", "decreased", "grew", "rose", "fell", "declined", "up", "down", "improved":
		return true // "Net sales increased $633 million"
	case "of", "by":
	default:
		return false
	}
	for _, w := range words[max(0, len(words)-7):] {
		for _, stem := range []string{"increase", "decrease", "decline", "improve", "growth", "reduc", "impact", "effect", "benefit", "change", "rise", "drop", "includ"} {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	return false
}

func (ctx *docContext) linkAmount(s string, a *amount, prev []amount, items, periods []mention) {
	switch a.Unit {
	case USD:
		if m, ok := linkItem(s, a, prev, items, periods); ok {
			a.Item, a.Metric, a.Loss = m.ID, m.Metric, m.Loss
		}
	case PerShare:
		// "$0.03 per basic and diluted share" states EPS when it stands
		// with a net income (loss) amount or phrase.
		var ctxItem mention
		for _, m := range items {
			if m.End <= a.Start && !m.Excluded {
				ctxItem = m
			}
		}
		for _, p := range prev {
			if p.Unit == USD && p.Item == "net_income" && p.End > ctxItem.End {
				ctxItem = mention{ID: p.Item, Loss: p.Loss, End: p.End}
			}
		}
		if ctxItem.ID == "net_income" {
			a.Item, a.Loss = a.PerShare[0], ctxItem.Loss
		}
	}
	if a.Item != "" {
		a.Period, a.Linked = linkPeriod(s, a, periods)
	}
}

// snapPeriod replaces a period named in prose ("the first quarter of fiscal
// 2004", nominally to December 31) by the table column it matches (13
// weeks to December 27), so that both carry the same dates.
func snapPeriod(f *Filing, p Period) Period {
	for _, t := range f.Tables {
		for _, c := range t.Columns {
			if !c.Period.IsZero() && samePeriod(c.Period, p) {
				return c.Period
			}
		}
	}
	return p
}

// currentFiscalYear is the fiscal year of the latest period in the
// release's tables, or of its release date.
func currentFiscalYear(f *Filing) int {
	if !f.Calendar.Known() {
		return 0
	}
	var latest time.Time
	for _, t := range f.Tables {
		for _, c := range t.Columns {
			if c.Period.End.After(latest) {
				latest = c.Period.End
			}
		}
	}
	if latest.IsZero() {
		latest = f.ReleaseDate
	}
	if latest.IsZero() {
		return 0
	}
	return f.Calendar.FiscalYear(latest)
}

func (ctx *docContext) emitProse(f *Filing, s *sentence, amounts []amount, i int) {
	a := amounts[i]
	n := s.lineOf(a.Start)
	fact := Fact{
		Document: f.File, Company: f.Company, Statement: Narrative, Label: contextLabel(s.Text, a),
		Value: a.Value, Unit: a.Unit, Resolution: a.Resolution, Table: -1, Row: -1, Sentence: s.Text,
		Source: ctx.sourceOf(n, a.Text),
	}
	if a.Loss {
		fact.Value = fact.Value.Neg()
	}
	if a.Linked {
		fact.Period = a.Period
	}
	switch {
	case a.Unit == Percent:
		ctx.percentClaim(fact, amounts, i, s.Text)
		ctx.proseFacts = append(ctx.proseFacts, fact)
	case a.Unit == PerShare && a.Item != "":
		for _, id := range a.PerShare {
			fact.Item = id
			ctx.proseFacts = append(ctx.proseFacts, fact)
			if a.Linked {
				ctx.claims = append(ctx.claims, claim{kind: "value", stated: withItem(a, id), fact: fact})
			}
		}
	default:
		if a.Item != "" && !a.Metric {
			fact.Item = a.Item
		}
		ctx.proseFacts = append(ctx.proseFacts, fact)
		if a.Linked {
			ctx.claims = append(ctx.claims, claim{kind: "value", stated: a, fact: fact})
		}
	}
}

func withItem(a amount, id string) amount {
	a.Item = id
	return a
}

// percentClaim links "32% of net revenues" (a ratio to the amount before
// "or") and "increased 6%" (a change between two linked amounts).
func (ctx *docContext) percentClaim(fact Fact, amounts []amount, i int, s string) {
	a := amounts[i]
	before := strings.TrimRight(tail(s[:a.Start], 60), " ")
	if reOrBefore.MatchString(before) {
		for j := i - 1; j >= 0; j-- {
			if amounts[j].Unit != USD {
				continue
			}
			num := amounts[j]
			if num.Item == "" || !num.Linked || num.Metric {
				return
			}
			base := "revenue"
			if loc := reOfAfter.FindStringIndex(s[a.End:]); loc != nil {
				rest := s[a.End+loc[1]:]
				items := findItems(rest, strings.ToLower(rest), ctx.set.ProsePhrases())
				if len(items) > 0 && items[0].Start == 0 {
					base = items[0].ID
				}
			}
			ctx.claims = append(ctx.claims, claim{kind: "ratio", stated: a, fact: fact, parts: []amount{num}, base: base})
			return
		}
		return
	}
	if !reChangeWord.MatchString(before) && !reChangeNext.MatchString(s[a.End:]) {
		return
	}
	down := reDownWord.MatchString(lastWords(before, 2)) || reChangeNext.MatchString(s[a.End:]) && reDownWord.MatchString(firstWords(s[a.End:], 2))
	near := -1
	for j, b := range amounts {
		if b.Unit == USD && b.Item != "" && b.Linked && (near < 0 || distance(a, b) < distance(a, amounts[near])) {
			near = j
		}
	}
	if near < 0 {
		return
	}
	var pair []amount
	for _, b := range amounts {
		if b.Unit == USD && b.Item == amounts[near].Item && b.Linked {
			pair = append(pair, b)
		}
	}
	if len(pair) != 2 || pair[0].Period.End.Equal(pair[1].Period.End) {
		return
	}
	if pair[1].Period.End.After(pair[0].Period.End) {
		pair[0], pair[1] = pair[1], pair[0]
	}
	stated := a
	if down {
		stated.Value = stated.Value.Neg()
	}
	ctx.claims = append(ctx.claims, claim{kind: "change", stated: stated, fact: fact, parts: pair})
}

func distance(a, b amount) int {
	if b.Start >= a.End {
		return b.Start - a.End
	}
	return a.Start - b.End
}

func lastWords(s string, n int) string {
	f := strings.Fields(tail(s, 60))
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// tail returns the last n bytes of s, cut at a space.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// contextLabel names a prose figure by the words before it.
func contextLabel(s string, a amount) string {
	words := strings.Fields(tail(s[:a.Start], 80))
	label := strings.Join(words[max(0, len(words)-6):], " ")
	return strings.TrimSpace(label + " " + a.Text)
}

// sourceOf finds the column span of an amount on its line.
func (ctx *docContext) sourceOf(n int, text string) Source {
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
		src.ColStart = len([]rune(lineText[:loc[0]])) + 1
		src.ColEnd = len([]rune(lineText[:loc[1]]))
	}
	return src
}
