;; GC-heavy: allocation, casts and field access. Each iteration allocates a list node and a
;; shape (a circle or a rectangle, both subtypes of $shape), reads the shape back through
;; `br_on_cast` and `ref.cast`, and walks the list; every 64 iterations the list is dropped,
;; so most of what is allocated soon becomes garbage. Returns a checksum.
(module
  (type $node (struct (field $val i32) (field $next (ref null $node))))
  (type $shape (sub (struct (field $id i32))))
  (type $circle (sub final $shape (struct (field $id i32) (field $r i32))))
  (type $rect (sub final $shape (struct (field $id i32) (field $w i32) (field $h i32))))
  (type $bytes (array (mut i8)))

  (func $area (param $s (ref $shape)) (result i32) (local $r (ref $rect))
    (block $is_circle (result (ref $circle))
      (br_on_cast $is_circle (ref $shape) (ref $circle) (local.get $s))
      (local.set $r (ref.cast (ref $rect)))
      (return (i32.mul (struct.get $rect $w (local.get $r)) (struct.get $rect $h (local.get $r)))))
    (i32.mul (struct.get $circle $r) (i32.const 3)))

  (func (export "gc") (param $n i32) (result i32)
    (local $i i32) (local $acc i32) (local $list (ref null $node)) (local $p (ref null $node))
    (local $s (ref null $shape)) (local $b (ref $bytes))
    (loop $l
      (local.set $list (struct.new $node (local.get $i) (local.get $list)))
      (if (i32.and (local.get $i) (i32.const 1))
        (then (local.set $s (struct.new $circle (local.get $i) (i32.and (local.get $i) (i32.const 15)))))
        (else (local.set $s (struct.new $rect (local.get $i) (i32.const 3) (i32.and (local.get $i) (i32.const 7))))))
      (local.set $acc (i32.add (local.get $acc) (call $area (ref.as_non_null (local.get $s)))))
      (local.set $acc (i32.add (local.get $acc) (ref.test (ref $circle) (local.get $s))))
      ;; a short array of packed bytes, written and read back
      (local.set $b (array.new $bytes (local.get $i) (i32.const 4)))
      (array.set $bytes (local.get $b) (i32.const 2) (i32.const 200))
      (local.set $acc (i32.add (local.get $acc) (array.get_u $bytes (local.get $b) (i32.const 2))))
      (local.set $acc (i32.add (local.get $acc) (array.get_s $bytes (local.get $b) (i32.const 1))))
      ;; every 64th iteration: walk the list, then drop it
      (if (i32.eq (i32.and (local.get $i) (i32.const 63)) (i32.const 63))
        (then
          (local.set $p (local.get $list))
          (block $done
            (loop $walk
              (br_if $done (ref.is_null (local.get $p)))
              (local.set $acc (i32.xor (local.get $acc) (struct.get $node $val (local.get $p))))
              (local.set $p (struct.get $node $next (local.get $p)))
              (br $walk)))
          (local.set $list (ref.null $node))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc)))
