scancel --version
