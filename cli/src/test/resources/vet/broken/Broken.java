class Broken {
  void half( {
    int x = 
  }
