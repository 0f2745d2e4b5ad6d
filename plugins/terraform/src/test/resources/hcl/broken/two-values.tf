resource "a" "b" {
  comment = "x" "y"
}
