b "label" {
  x = 1 }
