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

// A release saved as UTF-16 (with its byte-order mark) is read, not
// refused for its NUL bytes; the encoding is named.
func TestDecodeUTF16(t *testing.T) {
	text := "Acme Widgets Inc.\r\nNet revenues — 1,000\r\n"
	le := []byte{0xff, 0xfe}
	be := []byte{0xfe, 0xff}
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, raw := range map[string][]byte{"UTF-16LE": le, "UTF-16BE": be} {
		lines, enc, err := Decode(raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if enc != name || len(lines) < 2 || lines[0].Text != "Acme Widgets Inc." || lines[1].Text != "Net revenues — 1,000" {
			t.Errorf("%s: encoding %q, lines %+v", name, enc, lines)
		}
	}
	if _, _, err := Decode([]byte{0xff, 0xfe, 0, 0}); err == nil {
		t.Error("a UTF-16 file of NULs read without error")
	}
}
