;; RUN: wast --assert default --snapshot tests/snapshots %

(module
  (func (param exnref))
  (func (param (ref null exn)))
  (func (param (ref exn)))
  (func (param nullexnref))
  (func (param (ref null noexn)))
  (func (param (ref noexn)))
)
