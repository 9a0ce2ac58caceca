package extract

import (
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ContextWidth is the most of a source line, in characters, that a
// diagnostic shows under its message: a statement row fits, and an HTML
// document written on one line does not flood the terminal.
const ContextWidth = 100

// longLine is the length, in bytes, past which a source line is not one
// a reader would recognise: an HTML document, or a large part of one,
// written on one line. Its first characters would point at nothing, so
// no context is shown for it.
const longLine = 10 * ContextWidth

// Context returns the diagnostic's source line as it is shown under the
// message: trimmed, control characters (escape sequences from a hostile
// file, tabs) made blanks, and cut to ContextWidth characters with an
// ellipsis. It is "" when the diagnostic holds no line, or one longer
// than longLine.
func (d Diagnostic) Context() string {
	if len(d.Text) > longLine {
		return ""
	}
	s := strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, d.Text)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= ContextWidth {
		return s
	}
	cut := 0
	for i := 0; i < ContextWidth-1; i++ {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	return strings.TrimRight(s[:cut], " ") + "…"
}

// severityRank orders the severities of one cause at one line: the
// gravest is the one kept.
var severityRank = map[Severity]int{Fatal: 0, Warning: 1, Note: 2}

// SortDiagnostics returns a sorted copy of ds, as go/scanner sorts its
// ErrorList: by file, line, then message. A cause stated twice at one
// line (the same message) is kept once, so each problem reads once, in
// the order of the document.
func SortDiagnostics(ds []Diagnostic) []Diagnostic {
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg),
			cmp.Compare(severityRank[a.Severity], severityRank[b.Severity]))
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool {
		return a.File == b.File && a.Line == b.Line && a.Msg == b.Msg
	})
}

// WriteDiagnostics writes ds sorted and without repeats (SortDiagnostics),
// each as "file:line: severity: message", and returns how many it wrote.
// The source line (Context) stands indented under the messages about it,
// once for a run of them at one line.
func WriteDiagnostics(w io.Writer, ds []Diagnostic) (int, error) {
	ds = SortDiagnostics(ds)
	for i, d := range ds {
		text := d.Error() + "\n"
		lastAtLine := i+1 == len(ds) || ds[i+1].File != d.File || ds[i+1].Line != d.Line
		if c := d.Context(); c != "" && lastAtLine {
			text += "\t" + c + "\n"
		}
		if _, err := io.WriteString(w, text); err != nil {
			return 0, err
		}
	}
	return len(ds), nil
}
