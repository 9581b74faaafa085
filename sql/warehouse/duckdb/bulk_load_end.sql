RESET disabled_optimizers;
