print("onething")
