// Tests for this target land here. Delete this file once the target has real tests.
