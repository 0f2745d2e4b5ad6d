resource "a" "b" {
  cores = 2
