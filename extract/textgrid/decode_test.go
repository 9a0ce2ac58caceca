package textgrid

import "testing"

func TestUnescapeDash(t *testing.T) {
	for in, want := range map[string]string{
		"- ------------":   "  ------------",
		"- -0- 03/05/2002": "  -0- 03/05/2002",
		"-  (1,234)":       "-  (1,234)",
		"Net sales - net":  "Net sales - net",
	} {
		if got := unescapeDash(in); got != want {
			t.Errorf("unescapeDash(%q) = %q, want %q", in, got, want)
		}
	}
}
