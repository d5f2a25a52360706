;; Binary trees: build a complete tree of structures, then walk it through `anyref`, a cast
;; and two field reads a node. `trees(n, d)` builds and checks n trees of depth d and returns
;; the nodes counted: allocation, casts and field access, and garbage for the collector.
(module
  (type $node (struct (field (ref null $node)) (field (ref null $node)) (field i32)))
  (func $make (param $d i32) (result (ref $node))
    (if (result (ref $node)) (i32.eqz (local.get $d))
      (then (struct.new $node (ref.null $node) (ref.null $node) (i32.const 0)))
      (else
        (struct.new $node
          (call $make (i32.sub (local.get $d) (i32.const 1)))
          (call $make (i32.sub (local.get $d) (i32.const 1)))
          (local.get $d)))))
  (func $check (param $n anyref) (result i32)
    (local $t (ref $node))
    (local.set $t (ref.cast (ref $node) (local.get $n)))
    (if (result i32) (ref.is_null (struct.get $node 0 (local.get $t)))
      (then (i32.const 1))
      (else
        (i32.add (i32.const 1)
          (i32.add (call $check (struct.get $node 0 (local.get $t)))
                   (call $check (struct.get $node 1 (local.get $t))))))))
  (func (export "trees") (param $n i32) (param $d i32) (result i32)
    (local $sum i32)
    (loop $l
      (local.set $sum (i32.add (local.get $sum) (call $check (call $make (local.get $d)))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum)))
