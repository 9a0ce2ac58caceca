package extract

import (
	"strings"
	"time"
)

// SECHeader is what an EDGAR submission's header says of the filing: the
// most trusted metadata there is. Fields are empty or zero when the input
// has no header (a bare exhibit).
type SECHeader struct {
	Accession string
	Form      string    // CONFORMED SUBMISSION TYPE: 8-K, 10-Q, 10-K405 ...
	CIK       string    // of the filer the documents are about
	Company   string    // COMPANY CONFORMED NAME of that filer
	Period    time.Time // CONFORMED PERIOD OF REPORT
	Filed     time.Time // FILED AS OF DATE
	// FiscalYearEnd is the filer's FISCAL YEAR END (month and day in year
	// 2000), zero when not given.
	FiscalYearEnd time.Time
}

// filer is one company named in a submission header.
type filer struct {
	name, cik string
	fye       time.Time
}

// document is the part of a file that holds one document of a submission.
type document struct {
	Type  string // "EX-99.1", "10-Q", or "" for a bare document
	Lines []line
}

// problem is a structural fault found while splitting a file.
type problem struct {
	N   int
	Msg string
}

// submission is a file split into its header and documents.
type submission struct {
	header   SECHeader
	filers   []filer
	docs     []document
	problems []problem
}

// tagValue returns the value of an SGML line "<TAG>value" when the line
// opens with tag (case-insensitive), and whether it did.
func tagValue(text, tag string) (string, bool) {
	s := strings.TrimSpace(text)
	if len(s) < len(tag)+2 || s[0] != '<' || s[len(tag)+1] != '>' || !strings.EqualFold(s[1:len(tag)+1], tag) {
		return "", false
	}
	return strings.TrimSpace(s[len(tag)+2:]), true
}

// splitSubmission splits a file into its SEC header and documents. A file
// with no <DOCUMENT> is one bare document.
func splitSubmission(lines []line) submission {
	var sub submission
	var cur *document
	var header []string // read as an SEC header only if documents follow it
	inHeader := true
	for _, l := range lines {
		if strings.IndexByte(l.Text, '<') < 0 {
			switch {
			case cur != nil:
				cur.Lines = append(cur.Lines, l)
			case inHeader:
				header = append(header, l.Text)
			}
			continue
		}
		if _, ok := tagValue(l.Text, "DOCUMENT"); ok && strings.TrimSpace(l.Text) == strings.TrimSpace(l.Text[:strings.Index(l.Text, ">")+1]) {
			if cur != nil {
				sub.problems = append(sub.problems, problem{l.N, "<DOCUMENT> inside a <DOCUMENT>"})
				sub.docs = append(sub.docs, *cur)
			}
			cur, inHeader = &document{}, false
			continue
		}
		if _, ok := tagValue(l.Text, "/DOCUMENT"); ok {
			if cur != nil {
				sub.docs = append(sub.docs, *cur)
				cur = nil
			}
			continue
		}
		switch {
		case cur != nil:
			if v, ok := tagValue(l.Text, "TYPE"); ok && cur.Type == "" {
				cur.Type = strings.ToUpper(firstField(v))
				continue
			}
			if isDocumentTag(l.Text) {
				continue
			}
			cur.Lines = append(cur.Lines, l)
		case inHeader:
			header = append(header, l.Text)
		}
	}
	if cur != nil {
		sub.problems = append(sub.problems, problem{cur.firstLine(), "unclosed <DOCUMENT>"})
		sub.docs = append(sub.docs, *cur)
	}
	if sub.docs == nil {
		sub.docs = []document{{Lines: lines}} // a bare document: no header
	} else {
		for _, h := range header {
			sub.headerLine(h)
		}
	}
	sub.pickFiler()
	return sub
}

// isDocumentTag: the SGML lines of a document that are not its text.
func isDocumentTag(text string) bool {
	for _, tag := range []string{"SEQUENCE", "FILENAME", "DESCRIPTION", "TEXT", "/TEXT"} {
		if _, ok := tagValue(text, tag); ok {
			return true
		}
	}
	return false
}

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// headerLine reads one line of an SEC header: "KEY: value" lines of the
// PEM and IMS headers, or "<KEY>value" lines of the dissemination (.nc)
// format.
func (sub *submission) headerLine(text string) {
	s := strings.TrimSpace(text)
	var key, val string
	if strings.HasPrefix(s, "<") {
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return
		}
		key, val = strings.ReplaceAll(strings.ToUpper(s[1:end]), "-", " "), strings.TrimSpace(s[end+1:])
	} else {
		k, v, ok := strings.Cut(s, ":")
		if !ok {
			return
		}
		key, val = strings.ToUpper(strings.TrimSpace(k)), strings.TrimSpace(v)
	}
	h := &sub.header
	switch key {
	case "ACCESSION NUMBER":
		h.Accession = val
	case "CONFORMED SUBMISSION TYPE", "TYPE":
		if h.Form == "" {
			h.Form = strings.ToUpper(firstField(val))
		}
	case "CONFORMED PERIOD OF REPORT", "PERIOD":
		h.Period = compactDate(val)
	case "FILED AS OF DATE", "FILING DATE":
		h.Filed = compactDate(val)
	case "COMPANY CONFORMED NAME", "CONFORMED NAME":
		sub.filers = append(sub.filers, filer{name: withoutStateSuffix(val)})
	case "CENTRAL INDEX KEY", "CIK":
		if n := len(sub.filers); n > 0 && sub.filers[n-1].cik == "" {
			sub.filers[n-1].cik = val
		}
	case "FISCAL YEAR END":
		if n := len(sub.filers); n > 0 {
			sub.filers[n-1].fye = monthDay(val)
		}
	}
}

// withoutStateSuffix drops the state EDGAR appends to a conformed name to
// tell filers apart: "QUALCOMM INC/DE" is QUALCOMM INC.
func withoutStateSuffix(name string) string {
	trimmed := strings.TrimSuffix(name, "/")
	if i := strings.LastIndexByte(trimmed, '/'); i > 0 && len(trimmed)-i <= 4 && !strings.Contains(trimmed[i:], " ") {
		return strings.TrimSpace(trimmed[:i])
	}
	return name
}

// compactDate reads "19940401" (YYYYMMDD).
func compactDate(s string) time.Time {
	s = firstField(s)
	if len(s) != 8 {
		return time.Time{}
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// monthDay reads a fiscal year end "0630" (MMDD) into year 2000.
func monthDay(s string) time.Time {
	s = firstField(s)
	if len(s) != 4 {
		return time.Time{}
	}
	t, err := time.Parse("20060102", "2000"+s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// pickFiler chooses the filer the documents are about: the only one, or,
// with several (a parent and its subsidiary, a subject company and the
// company filing about it), the one whose name the documents use most.
func (sub *submission) pickFiler() {
	if len(sub.filers) == 0 {
		return
	}
	best, bestCount := 0, -1
	if len(sub.filers) > 1 {
		text := strings.ToUpper(documentSample(sub.docs))
		for i, f := range sub.filers {
			if n := strings.Count(text, distinctiveWord(f.name)); n > bestCount {
				best, bestCount = i, n
			}
		}
	}
	f := sub.filers[best]
	sub.header.Company, sub.header.CIK, sub.header.FiscalYearEnd = f.name, f.cik, f.fye
}

// documentSample is the opening text of the documents, where the company
// a filing is about names itself.
func documentSample(docs []document) string {
	var b strings.Builder
	for _, d := range docs {
		for i, l := range d.Lines {
			if i > 200 {
				break
			}
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// distinctiveWord is the longest word of a company name that is not a
// corporate suffix, upper case: MOTOROLA, INSTRUMENT (not THE or GENERAL
// before it).
func distinctiveWord(name string) string {
	best := ""
	for _, w := range strings.Fields(foldCompany(name)) {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

func (d *document) firstLine() int {
	if len(d.Lines) == 0 {
		return 0
	}
	return d.Lines[0].N
}

// readable says whether a document of this type may hold statements: the
// filing itself (8-K, 10-Q, 10-K ...), an EX-99 release, an EX-13 annual
// report or an EX-20 report to holders. Other exhibits (EX-27 financial
// data schedules, contracts, consents) and non-text parts are skipped.
func readable(docType string) bool {
	t := strings.ToUpper(docType)
	switch {
	case t == "":
		return true
	case strings.HasPrefix(t, "EX-99"), strings.HasPrefix(t, "EX-13"), strings.HasPrefix(t, "EX-20"):
		return true
	case strings.HasPrefix(t, "EX-"):
		return false
	}
	switch t {
	case "GRAPHIC", "ZIP", "XML", "JSON", "PDF", "COVER", "CORRESP", "XBRL":
		return false
	}
	return true
}

// readableDocument says whether a document is read: a type that may hold
// statements, or an exhibit filed under another number that nonetheless
// holds a statement under its title - the financial statements of an
// acquired business filed in an 8-K/A under whatever number the filer
// chose. Financial data schedules (EX-27) are summaries, never read.
func readableDocument(d document) bool {
	if readable(d.Type) {
		return true
	}
	t := strings.ToUpper(d.Type)
	return strings.HasPrefix(t, "EX-") && !strings.HasPrefix(t, "EX-27") && titlesStatement(d.Lines)
}

// titlesStatement: a line naming a statement ("Consolidated balance
// sheets as at December 31, 1994") stands just above a <TABLE>, within
// eight lines. A contract that mentions a balance sheet in its prose does
// not qualify. Only the lines above a <TABLE> are read as titles, not
// every line of the exhibit.
func titlesStatement(lines []line) bool {
	for i, l := range lines {
		if !isTableTag(strings.TrimSpace(l.Text)) {
			continue
		}
		for j := max(0, i-8); j < i; j++ {
			if s := strings.TrimSpace(lines[j].Text); !isTableTag(s) && titlesStatementLine(s) {
				return true
			}
		}
	}
	return false
}

// isTableTag: a trimmed line that opens a <TABLE>.
func isTableTag(s string) bool { return len(s) >= 6 && strings.EqualFold(s[:6], "<TABLE") }

// titlesStatementLine: a trimmed line that names a statement, short and
// not ending as a sentence or a lead-in does.
func titlesStatementLine(s string) bool {
	return s != "" && len(s) <= 80 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":") && mayTitleStatement(s) &&
		classifyTitle(s) != Other
}

// mayTitleStatement is a quick test that spares the title expressions:
// the line holds one of titleWordList in any case (only the few short
// lines above a <TABLE> are asked). An ASCII line is read without a
// lower-cased copy.
func mayTitleStatement(s string) bool {
	if isASCII(s) {
		return containsAnyFoldASCII(s, titleWordList)
	}
	return mayTitleStatementLower(s) // strings.ToLower folds İ to i and the Kelvin sign to k
}

var titleWordList = []string{"balance", "cash flow", "income", "operations", "earnings", "financial"}

// mayTitleStatementLower is mayTitleStatement on a lower-cased copy.
func mayTitleStatementLower(s string) bool {
	low := strings.ToLower(s)
	for _, w := range titleWordList {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// looksLikeHTML reports whether a document is an HTML exhibit: one of its
// first lines opens a page, a body, a paragraph or a division, in any case.
// Each '<' is read on, without a lower-cased copy of the line (an HTML
// filing may be one line).
func looksLikeHTML(d document) bool {
	for i, l := range d.Lines {
		if i > 40 {
			break
		}
		for s := l.Text; ; {
			at := strings.IndexByte(s, '<')
			if at < 0 {
				break
			}
			s = s[at+1:]
			if hasPrefixLower(s, "html") || hasPrefixLower(s, "body") || hasPrefixLower(s, "p ") || hasPrefixLower(s, "div") {
				return true
			}
		}
	}
	return false
}
